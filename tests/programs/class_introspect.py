# type(), __class__, isinstance, hasattr/getattr/setattr on instances and classes
class Base:
    tag = "base"
    def hello(self):
        return "hello from " + self.__class__.__name__
class Derived(Base):
    tag = "derived"
    def make_sibling(self):
        return self.__class__()
b = Base()
d = Derived()
print(type(b).__name__, type(d).__name__, type(d) is Derived, type(d) is Base)
print(d.__class__ is Derived, d.__class__.tag, b.hello(), d.hello())
s = d.make_sibling()
print(type(s).__name__, s.tag)
print(type(1).__name__, type(1.0).__name__, type("").__name__, type(None).__name__,
      type([]).__name__, type(()).__name__, type({}).__name__, type(set()).__name__,
      type(True).__name__, type(range(1)).__name__, type(len).__name__, type(Base).__name__)
print(type(5) == int, type(True) == int, isinstance(True, int), type(type(5)) is type)
print(type("x")("abc"), type(3)("42") + 1, type([])((1, 2)))
print(hasattr(d, "tag"), hasattr(d, "nope"), getattr(d, "tag"), getattr(d, "nope", "dflt"))
setattr(d, "dynamic", 42)
print(d.dynamic, getattr(d, "dynamic"), hasattr(b, "dynamic"))
setattr(Base, "added", "class-level")
print(d.added, b.added, getattr(Derived, "added"))
for name in ["tag", "hello", "missing"]:
    print(name, hasattr(Derived, name))
try:
    getattr(d, "missing")
except AttributeError as e:
    print("AttributeError", e)
try:
    Base.missing
except AttributeError as e:
    print("AttributeError", e)
meth = getattr(d, "hello")
print(meth())
print(isinstance(d, Base), isinstance(b, Derived), issubclass(Derived, Base), issubclass(Base, Derived))
print(isinstance(3, (int, str)), isinstance(3.0, (int, str)), isinstance([], list))
print(issubclass(bool, int), issubclass(int, object), issubclass(ValueError, Exception))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
objs = [1, "s", 2.5, [1], (1,), {1: 1}, None, b, d]
print([type(o).__name__ for o in objs])
print([isinstance(o, Base) for o in objs])
d.tag = "instance"
print(d.tag, Derived.tag, type(d).tag)
