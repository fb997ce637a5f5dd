class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        delattr(self._target, name)

class T:
    def __init__(self):
        self.x = 1
    def hello(self):
        return "hello from T"

t = T()
p = Proxy(t)
print(p.x, p.hello())
p.y = 5
print(t.y, p.y)
del p.y
print(hasattr(t, "y"), hasattr(p, "zzz"))
print(p.log)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)

class Lazy:
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        v = name * 2
        setattr(self, name, v)
        return v
l = Lazy()
print(l.ab, l.ab, l.__dict__)
print(getattr(l, "_q", "default"))

class Counted:
    def __init__(self):
        self.hits = 0
    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)
    def m(self):
        return 3
c = Counted()
total = 0
for i in range(1000):
    total += c.m()
print(total, c.hits)

class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)

class Point:
    x = Typed()
    y = Typed()
    def __init__(self, x, y):
        self.x = x
        self.y = y
pt = Point(1, 2)
s = 0
for i in range(500):
    pt.x = i
    s += pt.x + pt.y
print(s, pt.x, type(Point.x).__name__)
try:
    pt.y = "no"
except TypeError as e:
    print(e)
del pt.x
print(pt.x)

class Const:
    def __init__(self, v): self.v = v
    def __get__(self, obj, owner): return self.v
class HasConst:
    k = Const(10)
h = HasConst()
print(h.k, HasConst.k)
h.k = 20
print(h.k)

class P:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): self._v = x
    @v.deleter
    def v(self):
        print("deleter")
        del self._v
q = P()
q.v = 4
print(q.v)
del q.v
print(hasattr(q, "_v"))
prop = property(lambda s: 1, None, None)
print(prop.fset, prop.fdel)

class Base:
    subclasses = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Base.subclasses.append(cls.__name__)
class A(Base): pass
class B(A): pass
print(Base.subclasses)

class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"
print(Box[int])
