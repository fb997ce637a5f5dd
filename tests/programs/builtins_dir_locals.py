def loop():
    total = 0
    for i in range(300):
        total += i
        if i % 100 == 0:
            print(sorted(locals().items()))
    return total
loop()
def gen(n):
    for j in range(n):
        yield sorted(locals())
print(list(gen(2)))
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
print([n for n in dir(S()) if not n.startswith('__')])
class P:
    pass
p = P()
p.__dict__  # no effect
print(dir(p) == dir(P))
print([n for n in dir(P) if n not in dir(object)])
class Q(P):
    def __init__(self): self.v = 1
    @property
    def prop(self): return 1
print([n for n in dir(Q()) if n not in dir(object)])
import warnings
def hot():
    for i in range(500):
        if i in (0, 250, 499):
            warnings.warn("hot %d" % (i // 250), stacklevel=1)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    hot()
    print([(str(m.message), m.lineno) for m in w])
print('append' in dir([]), 'keys' in dir({}), 'upper' in dir(''))
class WithDir:
    def __dir__(self):
        return ('z', 'y')
print(dir(WithDir()))
try:
    dir(1, 2)
except TypeError as e:
    print(e)
try:
    locals(1)
except TypeError as e:
    print(e)
print(ascii(b'\xff'), ascii(None), ascii({'é': 'ö'}))
