# A loop calling a function and a method: both are followed into the callee's frame, and the
# method's branch grows a side trace that starts inside the method. The second loop calls with a
# keyword argument, which runs through the interpreter.


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        if k % 7 == 0:
            self.n += 2
        else:
            self.n += 1
        return self.n


def mix(a, b):
    return (a * 31 + b) % 1000003


def total(n):
    c = Counter()
    h = 17
    for i in range(n):
        h = mix(h, i) + c.bump(i)
        h = h % 999983
    return h, c.n


def kw(a, b=2):
    x = a + b
    return x


def stepped(n):
    t = 0
    for i in range(n):
        t += kw(i, b=1)
    return t


print(total(20000))
print(stepped(3000))
