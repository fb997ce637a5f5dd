# Operator special methods run in frames of their own (interpreter and traces): forward,
# NotImplemented then the reflected method, in-place fallbacks, unary operators, errors
# raised inside a method and after the protocol gives up, recursion through an operator, and
# attributes added by __init__ along the way.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    def __rsub__(self, o):
        return V(o - self.x, o - self.y)

    def __neg__(self):
        return V(-self.x, -self.y)

    def __pos__(self):
        return self

    def __invert__(self):
        return V(~self.x, ~self.y)

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


class W:
    def __rsub__(self, o):
        return "W.__rsub__"


class Peano:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        # Recursion through the operator itself.
        if o.n == 0:
            return self
        return Peano(self.n + 1) + Peano(o.n - 1)


class Grows:
    def __init__(self, k):
        self.a = k
        if k % 3 == 0:
            self.b = k
        self.c = k

    def __mul__(self, k):
        g = Grows(self.a * k)
        g.extra = k
        return g


def loop(n):
    acc = V(0, 0)
    notes = 0
    for i in range(n):
        acc = acc + V(i, 1) * 2
        acc = acc - V(1, 1)
        acc = -(-acc)
        acc = +acc
        if i % 50 == 0:
            acc = ~(~acc)
            if acc - W() == "W.__rsub__":
                notes += 1
        if i % 70 == 0:
            acc = 3 - acc
            acc = 3 - acc
    return acc, notes


def failures(n):
    seen = []
    for i in range(n):
        try:
            if i % 2:
                V(1, 1) - None
            else:
                V(1, None) + V(1, 2)
        except TypeError as e:
            seen.append(str(e))
    return sorted(set(seen))


def growing(n):
    total = 0
    for i in range(n):
        g = Grows(i) * 2
        total += g.a + g.c + g.extra + getattr(g, "b", 0)
    return total


def inplace(n):
    v = V(0, 0)
    for i in range(n):
        v += V(1, 2)
        v -= V(0, 1)
        v *= 1
    return v


print(loop(400))
print(failures(60))
print(growing(300))
print(inplace(300))
print((Peano(3) + Peano(40)).n)
print(5 - V(1, 2), V(1, 2) - V(3, 5))
