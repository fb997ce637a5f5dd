import sys
names = ["BlockingIOError", "BrokenPipeError", "BufferError", "ChildProcessError", "ConnectionError",
 "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError", "FloatingPointError",
 "IndentationError", "TabError", "InterruptedError", "NotADirectoryError", "ProcessLookupError",
 "ReferenceError", "StopAsyncIteration", "TimeoutError", "UnicodeTranslateError", "IOError", "EnvironmentError",
 "Warning", "UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "SyntaxWarning", "RuntimeWarning",
 "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning"]
import builtins
for n in names:
    c = globals()[n] if n in globals() else getattr(builtins, n)
    print(n, c.__name__, [k.__name__ for k in c.__mro__], c.__module__)
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(TabError, SyntaxError), issubclass(UserWarning, Exception))
try:
    raise ConnectionResetError("reset")
except OSError as e:
    print(type(e).__name__, e, e.args, repr(e))
try:
    raise TimeoutError
except IOError as e:
    print("caught", type(e).__name__)
try:
    {}['x']
except LookupError as e:
    print(type(e).__name__)
try:
    open("/nonexistent/file")
except FileNotFoundError as e:
    print(type(e).__name__, e)
print(ascii("héllo €𝄞"), ascii([1, "ü"]), ascii(1.5), ascii('plain'))
class C:
    x = 1
    def m(self): pass
c = C(); c.y = 2
print(dir(C))
print(dir(c))
class D(C):
    __slots__ = ()
print([n for n in dir(D) if not n.startswith('__')])
class E:
    def __dir__(self): return ['b', 'a', 'c']
print(dir(E()))
def f(a, b=2, *args, **kw):
    z = a + b
    def g(): return z
    print(sorted(locals().keys()), locals()['z'])
    return g
f(1)
def outer():
    q = 5
    def inner(r):
        s = r
        print(locals())
        return q
    inner(3)
outer()
def h(a):
    x = 1
    print(dir())
    return lambda: a
h(0)
print(locals() is globals())
class K:
    a = 1
    print(sorted(k for k in locals().keys()))
import math
print('sqrt' in dir(math), dir(math) == sorted(dir(math)))
print(repr(exit), repr(quit), str(exit))
print([n for n in dir() if not n.startswith('_')])
print([n for n in dir(1) if not n.startswith('_')][:4])
try:
    exit(3)
except SystemExit as e:
    print("exit", e.args, e.code)
try:
    quit()
except SystemExit as e:
    print("quit", e.args, e.code)
try:
    sys.exit()
except SystemExit as e:
    print("sys.exit", e.args, e.code)
