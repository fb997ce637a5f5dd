class A:
    def who(self): return "A"
    def chain(self): return ["A"]
class B(A):
    def who(self): return "B"
    def chain(self): return ["B"] + super().chain()
class C(A):
    def who(self): return "C"
    def chain(self): return ["C"] + super().chain()
class D(B, C):
    def chain(self): return ["D"] + super().chain()
print([k.__name__ for k in D.__mro__])
d = D()
print(d.who(), d.chain())
print(D.__bases__, D.__base__)
print(isinstance(d, C), issubclass(D, A), issubclass(C, B))

class Mixin:
    def describe(self):
        return f"{type(self).__name__} with {self.size()}"
class Base:
    def __init__(self, n): self.n = n
    def size(self): return self.n
class Thing(Mixin, Base):
    pass
print(Thing(3).describe())

class LoggedError(Mixin, ValueError):
    def size(self): return len(self.args)
try:
    raise LoggedError("x", "y")
except ValueError as e:
    print("caught", e.describe(), e.args)

try:
    class X(A, B): pass
except TypeError as e:
    print(e)
try:
    class Y(A, A): pass
except TypeError as e:
    print(e)

class O1: pass
class O2: pass
class P1(O1, O2): pass
class P2(O2, O1): pass
try:
    class Z(P1, P2): pass
except TypeError as e:
    print(e)

class K1: 
    def __init__(self):
        print("K1 init"); super().__init__()
class K2:
    def __init__(self):
        print("K2 init"); super().__init__()
class K3(K1, K2):
    def __init__(self):
        print("K3 init"); super().__init__()
K3()
print([c.__name__ for c in K3.mro()] if hasattr(K3, "mro") else "no mro")
class Ex(Exception): pass
class Both(Ex, KeyError): pass
print([c.__name__ for c in Both.__mro__])
