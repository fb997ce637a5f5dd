# isinstance / issubclass / type with builtin and user types
values = [0, 1.5, "s", True, None, [1], (1,), {1: 2}, {1}, range(2)]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)),
          isinstance(v, object), type(v) is int)
print(isinstance(True, bool), isinstance(True, int), isinstance(1, bool), type(True) is bool)
print(isinstance(1, float), isinstance(1.0, float), isinstance(1.0, (int, float)))
print(isinstance("x", str), isinstance("x", (int, (float, str))))
class A:
    pass
class B(A):
    pass
class C(B):
    pass
objs = [A(), B(), C()]
for o in objs:
    print(type(o).__name__, isinstance(o, A), isinstance(o, B), isinstance(o, C), type(o) is A)
print(issubclass(C, A), issubclass(A, C), issubclass(C, (int, B)), issubclass(B, B))
print(issubclass(bool, int), issubclass(int, bool), issubclass(list, object), issubclass(type(None), object))
print(type(A) is type, type(int) is type, isinstance(A, type), isinstance(A(), type))
def kind(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, float):
        return "float"
    if isinstance(x, str):
        return "str"
    if isinstance(x, (list, tuple)):
        return "seq[" + ",".join(kind(e) for e in x) + "]"
    if isinstance(x, dict):
        return "map"
    return "other"
print([kind(x) for x in [1, True, 2.0, "a", [1, "b", (2.5, False)], {}, None]])
print(type(1) == type(2), type(1) == type(1.0), type("a")("b"), type(2.0)(3))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError", e)
exc_types = [ValueError, KeyError, ZeroDivisionError, StopIteration]
print([t.__name__ for t in exc_types if issubclass(t, LookupError)])
print([isinstance(t("x"), Exception) for t in exc_types])
