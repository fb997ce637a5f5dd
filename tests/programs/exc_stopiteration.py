# StopIteration from next(), next() defaults, iterator protocol by hand
it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", type(e).__name__, e.args, repr(str(e)))
print(next(it, "default"), next(iter([]), None), next(iter("x"), "d"))
def manual_for(iterable, fn):
    it = iter(iterable)
    while True:
        try:
            x = next(it)
        except StopIteration:
            break
        fn(x)
out = []
manual_for(range(4), out.append)
manual_for("hey", out.append)
manual_for({5: 0, 6: 0}, out.append)
print(out)
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), next(di), next(di, "end"))
class Limited:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration("exhausted")
        self.n -= 1
        return self.n
lim = Limited(3)
print(list(lim), list(lim))
try:
    next(lim)
except StopIteration as e:
    print("custom StopIteration:", e.args)
print(next(Limited(0), "empty"))
z = zip([1, 2, 3], "ab")
print(next(z), next(z), next(z, "zip done"))
m = map(lambda x: x * 10, [1, 2])
print(next(m), next(m), next(m, "map done"))
en = enumerate("ab")
print(next(en), next(en), next(en, "enum done"))
r = reversed([1, 2, 3])
print(next(r), list(r), next(r, "rev done"))
ri = iter(range(3))
print(next(ri), list(ri))
def gen():
    yield 1
g = gen()
print(next(g), next(g, "gen done"))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError", e)
s = iter({10, 20})
print(sorted([next(s), next(s)]), next(s, "set done"))
