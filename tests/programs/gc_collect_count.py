import gc
print(gc.collect())
a = []
a.append(a)
del a
print(gc.collect())
class N:
    pass
x = N(); y = N(); x.o = y; y.o = x
x.data = [1, 2, (3, 4), {'k': 'v'}, {'k': []}]
del x, y
print(gc.collect())
def f():
    def g():
        return g
    return g
h = f()
del h
print(gc.collect())
d = {}
d['self'] = d
d['t'] = (1, 'a')
d['t2'] = (1, [])
del d
print(gc.collect())
z = N()
z.__dict__
z.me = z
del z
print(gc.collect())
for i in range(100):
    q = [i]
    q.append(q)
del q
print(gc.collect())
print(gc.collect())
class M:
    def meth(self): pass
m = M()
m.bm = m.meth
del m
print(gc.collect())
s = N()
s.it = iter([s])
del s
print(gc.collect())

class Node:
    def __init__(self, nxt=None):
        self.next = nxt


def chain(n):
    head = None
    for _ in range(n):
        head = Node(head)
    return head


ring = Node()
ring.next = Node(Node(ring))
ring.tail = chain(5000)
del ring
print('ring with a chain', gc.collect())
print('again', gc.collect())


def gen():
    me = yield 1
    yield me


g = gen()
next(g)
g.send(g)
del g
print('generator', gc.collect())

try:
    raise ValueError('x')
except ValueError as e:
    err = e
err.keep = [err]
del err
print('exception', gc.collect())

s = {1, 2}
t = [s, (s,), {'a': (1, 2)}]
t.append(t)
del s, t
print('mixed', gc.collect())

acyclic = [[1], {'a': [2]}, (3, [4])]
del acyclic
print('acyclic', gc.collect())

gc.disable()
for i in range(2000):
    a = Node()
    a.next = a
del a
print('many', gc.collect(), gc.isenabled())
gc.enable()
def f():
    raise ValueError('x')
def g():
    f()
try:
    g()
except ValueError as e:
    err = e
err.keep = [err]
del err
print('depth3', gc.collect())
try:
    raise KeyError(1)
except KeyError as e:
    err = e
err.keep = err
del err
print('self attr', gc.collect())
class E(Exception): pass
x = E()
y = E()
x.o = y
y.o = x
del x, y
print('two', gc.collect())
x = E()
x.args = (x,)
del x
print('args', gc.collect())
x = E()
x.__cause__ = x
del x
print('cause', gc.collect())


# A generator suspended in a cycle through its own frame is finalized, not counted.
def echo():
    me = yield 1
    yield me


g = echo()
next(g)
g.send(g)
del g
print('suspended generator', gc.collect())


# The pattern of a collector benchmark: rings of linked nodes, dropped together.
class Link:
    def __init__(self):
        self.next = None
        self.prev = None

    def link_next(self, other):
        self.next = other
        other.prev = self


def make_ring(n):
    first = Link()
    cur = first
    for _ in range(n - 1):
        nxt = Link()
        cur.link_next(nxt)
        cur = nxt
    cur.link_next(first)
    return first


rings = [make_ring(20) for _ in range(30)]
print('rings alive', gc.collect())
del rings
print('rings dropped', gc.collect())
