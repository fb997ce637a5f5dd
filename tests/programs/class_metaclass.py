class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.registered = True
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__, args, kw)
        return super().__call__(*args, **kw)
    def __len__(cls):
        return 42
    def __iter__(cls):
        return iter([1, 2, 3])
    def __getitem__(cls, k):
        return k * 2
    def __contains__(cls, x):
        return x == "yes"
    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"
    def hello(cls):
        return "hello from " + cls.__name__
    @property
    def prop(cls):
        return "prop of " + cls.__name__

class A(metaclass=Meta, flag=1):
    x = 1
    def __init__(self, v):
        self.v = v
    def method(self):
        return self.v

class B(A):
    y = 2

a = A(5)
print(a.v, a.method(), A.registered, B.registered, type(A), type(B) is Meta, isinstance(A, Meta), isinstance(A, type))
print(len(A), list(A), A[21], "yes" in A, "no" in B, repr(A), str(B), A.hello(), B.prop)
print(type(a), type(a).__name__, B(7).method())

class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self):
        self.values = {}
c1 = Config(); c2 = Config()
print(c1 is c2)

class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class T1(Base, tag="one"): pass
class T2(Base): pass
print(T1.tag, T2.tag)
try:
    class Bad(badkw=1): pass
except TypeError as e:
    print("TypeError:", e)
class M2(type): pass
try:
    class X(A, metaclass=M2): pass
except TypeError as e:
    print("TypeError:", e)
Dyn = Meta("Dyn", (object,), {"z": 3})
print(Dyn.z, type(Dyn).__name__)
def fmeta(name, bases, ns):
    return name.upper()
class lower(metaclass=fmeta): pass
print(lower)

class OrderedMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 99}
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        cls.fields = [k for k in ns if not k.startswith("_")]
        return cls
    @classmethod
    def describe(mcs):
        return "meta " + mcs.__name__

class Record(metaclass=OrderedMeta, kind="rec"):
    b = 1
    a = 2
    def total(self):
        return self.a + self.b + self.injected
print(Record.fields, Record().total(), Record.describe(), OrderedMeta.describe())

registry = {}
class PluginMeta(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            registry[name.lower()] = cls
class Plugin(metaclass=PluginMeta):
    def run(self):
        return type(self).__name__
class Alpha(Plugin): pass
class Beta(Plugin): pass
print(sorted(registry), [registry[k]().run() for k in sorted(registry)])

class Countable(type):
    def __bool__(cls):
        return False
class Empty(metaclass=Countable): pass
print(bool(Empty), "truthy" if Empty else "falsy", not Empty)
total = 0
for i in range(300):
    total += len(A) + A[i] + (1 if i in B else 0)
    obj = A(i) if i % 100 == 0 else None
print(total)
print(type(A).__mro__, Meta.__bases__, isinstance(Meta, type), issubclass(Meta, type), type(type))
