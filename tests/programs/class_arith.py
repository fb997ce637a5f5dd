# Arithmetic dunders, reflected operands, NotImplemented
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, b - a, a * 3, 3 * a, a * b, b / 2, b // 2, b % 2, -a, +a, abs(b))
print(sum([a, b, Vec(10, 10)]), a + b == Vec(4, 6), a == b)
c = a
c += b
print(c, a, c is a)
c *= 2
print(c)
for bad in ["str", None]:
    try:
        a + bad
    except TypeError as e:
        print("TypeError", e)
try:
    "s" * a
except TypeError as e:
    print("TypeError", e)
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        return Money(self.c + (o.c if isinstance(o, Money) else o))
    def __radd__(self, o):
        return Money(o + self.c)
    def __rsub__(self, o):
        return Money(o - self.c)
    def __sub__(self, o):
        return Money(self.c - o.c)
    def __repr__(self):
        return "Money(%d)" % self.c
print(Money(5) + Money(7), Money(5) + 3, 3 + Money(5), 10 - Money(4), Money(9) - Money(1))
print(sum([Money(1), Money(2), Money(3)]), sum([Money(1)], Money(100)))
