class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress

with CM("a") as a:
    print("body", a.name)
with CM("s", True):
    raise ValueError("boom")
print("after suppress")
try:
    with CM("n"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
with CM("x") as x, CM("y") as y:
    print("two", x.name, y.name)
def f():
    with CM("r"):
        return 42
print(f())
for i in range(3):
    with CM(i):
        if i == 0:
            continue
        if i == 2:
            break
        print("loop", i)
def g():
    for i in range(2):
        with CM("gen"):
            yield i
print(list(g()))
try:
    with 1:
        pass
except TypeError as e:
    print(e)
class E:
    def __enter__(self): return 1
try:
    with E():
        pass
except TypeError as e:
    print(e)
def nested():
    with CM("o"):
        try:
            with CM("i"):
                raise IndexError("x")
        finally:
            print("finally")
try:
    nested()
except IndexError:
    print("ok")
from io import StringIO
with StringIO() as s:
    s.write("hello")
    print(s.getvalue())
def retval():
    with CM("rv"):
        try:
            return "from try"
        finally:
            print("fin")
print(retval())
with CM("a") as (p):
    pass
class Bad:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError("in exit")
try:
    with Bad():
        raise ValueError("orig")
except RuntimeError as e:
    print("exit raised", e, repr(e.__context__))
