# __slots__ restricts instance attributes
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def total(self):
        return self.x + self.y
p = P(1, 2)
print(p.x, p.y, p.total())
p.x = 10
print(p.total())
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
class Q:
    __slots__ = ["a"]
q = Q()
try:
    print(q.a)
except AttributeError as e:
    print("AttributeError", e)
q.a = "set"
print(q.a)
del q.a
try:
    print(q.a)
except AttributeError as e:
    print("AttributeError", e)
class Vec:
    __slots__ = ("x", "y", "z")
    def __init__(self, x=0, y=0, z=0):
        self.x, self.y, self.z = x, y, z
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)
    def __repr__(self):
        return "Vec(" + ", ".join(str(v) for v in (self.x, self.y, self.z)) + ")"
vs = [Vec(i, i * 2, i * 3) for i in range(4)]
acc = Vec()
for v in vs:
    acc = acc + v
    print(acc)
class Child(P):
    __slots__ = ("z",)
    def total(self):
        return P.total(self) + self.z
ch = Child(1, 2)
ch.z = 3
print(ch.total(), isinstance(ch, P))
try:
    ch.w = 4
except AttributeError as e:
    print("AttributeError", e)
print(P.__slots__, Q.__slots__)
