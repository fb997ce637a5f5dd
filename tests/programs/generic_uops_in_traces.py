# Operations with no specialized uop, in hot loops: f-strings with conversions and specs, str
# concatenation and %-formatting, dict displays, subscripts of user classes, `in` on a user
# container, comparisons of tuples, functions and closures made in the loop; some raise on a
# few iterations and the exception is caught in the loop.
class Box:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if self.v % 97 == 13:
            raise ValueError("bad box %d" % self.v)
        return format(self.v, spec)
    def __getitem__(self, k):
        return self.v * k
    def __setitem__(self, k, v):
        self.v = k + v
    def __contains__(self, x):
        return x % 3 == self.v % 3
    def __repr__(self):
        return "Box(%r)" % self.v


def run(n):
    out = []
    errors = 0
    acc = 0
    b = Box(0)
    for i in range(n):
        b.v = i
        try:
            s = f"{b:>5}|{i!r}|{i / 7:.3f}|{b!r:<10}"
        except ValueError as e:
            errors += 1
            s = str(e)
        s = s + "#" + "%d-%s" % (i, "x" * (i % 3))
        d = {"i": i, "s": s, (i, i): i * 2}
        acc += len(s) + d[(i, i)] + b[3] + (5 in b) + ((i, 1) < (i, 2))
        b[i] = 1
        f = lambda x, k=i: x + k
        acc += f(1)
        if i % 50 == 0:
            out.append(s)
    return acc, errors, out


acc, errors, out = run(1000)
print(acc, errors)
for s in out[:6]:
    print(s)
