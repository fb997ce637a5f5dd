class Singleton:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created", cls.__name__)
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Singleton(1); b = Singleton(2)
print(a is b, a.v)
class Pos:
    def __new__(cls, x):
        if x < 0:
            return "negative"
        obj = object.__new__(cls)
        obj.x = x
        return obj
print(Pos(3).x, Pos(-1))
class Base:
    def __new__(cls, *a, **k):
        inst = super().__new__(cls)
        inst.tag = cls.__name__.lower()
        return inst
class Child(Base):
    def __init__(self, n, scale=1):
        self.n = n * scale
c = Child(4, scale=3)
print(c.tag, c.n)
X = type("X", (), {"a": 1, "f": lambda self: self.a + 1})
print(X.__name__, X().f(), X.a, type(X()).__name__)
Y = type("Y", (X,), {"b": 2})
print(Y().f(), Y.b, Y.__mro__[1].__name__, isinstance(Y(), X))
items = [1, 2, 3, 0, 5]
print(list(iter(items.pop, 0)))
class V:
    def __init__(self): self.a = 1; self.b = 2
print(vars(V()), sorted(k for k in vars(V)) [:0])
n = iter(lambda: 5, 5)
print(list(n))
try:
    iter(3, 4)
except TypeError as e:
    print(e)
try:
    type("Z", (), {}, 4)
except TypeError as e:
    print(e)
