# copy, the bundled Python module: copy and deepcopy of containers and instances, __copy__,
# __deepcopy__, __getstate__/__setstate__, the memo for shared and cyclic references.
import copy
from collections import deque, Counter, defaultdict, OrderedDict, namedtuple

print('--- atoms')
for v in [None, 1, 2.5, True, 'str', (1, 2), frozenset([1]), range(3), len, print, int]:
    print(repr(v) if v is not print and v is not len else v.__name__, copy.copy(v) is v, copy.deepcopy(v) is v)
def f():
    pass
print(copy.copy(f) is f, copy.deepcopy(f) is f)

print('--- shallow')
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
print(b, b == a, b is a, b[1] is a[1], b[2] is a[2])
d = {'x': [1], 'y': 2}
e = copy.copy(d)
e['z'] = 3
e['x'].append(9)
print(d, e)
s = {1, 2, 3}
s2 = copy.copy(s)
s2.add(4)
print(sorted(s), sorted(s2))
t = ([1], 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy((1, 'a', (2,))) is not None)
tt = (1, 2, (3, 4))
print(copy.deepcopy(tt) is tt)

print('--- deep')
a = [1, [2, 3], {'k': [4]}, (5, [6])]
b = copy.deepcopy(a)
print(b, b == a, b[1] is a[1], b[2] is a[2], b[2]['k'] is a[2]['k'], b[3] is a[3], b[3][1] is a[3][1])
b[1].append(99)
b[3][1].append(7)
print(a, b)
shared = [0]
outer = [shared, shared, {'s': shared}]
c = copy.deepcopy(outer)
print(c[0] is c[1], c[0] is c[2]['s'], c[0] is shared)
cyc = [1, 2]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[2] is cc, cc[2] is not cyc, cc[0], len(cc))
dcyc = {'name': 'root'}
dcyc['self'] = dcyc
dc = copy.deepcopy(dcyc)
print(dc['self'] is dc, dc['name'], dc is not dcyc)
tl = ([],)
tl[0].append(tl)
tc = copy.deepcopy(tl)
print(tc[0][0] is tc, tc is not tl)
fs = frozenset([(1, 2), 3])
print(copy.deepcopy(fs) == fs, sorted(copy.deepcopy({(1, 2), (3,)})))
memo = {}
x = [1]
y1 = copy.deepcopy(x, memo)
y2 = copy.deepcopy(x, memo)
print(y1 is y2, y1 == x, y1 is not x)
nested = {'a': [{'b': [1, 2]}, {'c': (3, [4])}]}
n2 = copy.deepcopy(nested)
n2['a'][1]['c'][1].append(5)
print(nested, n2)

print('--- instances')
class Point:
    def __init__(self, x, y):
        print('init called')
        self.x = x
        self.y = y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)
p = Point(1, [2])
q = copy.copy(p)
r = copy.deepcopy(p)
print(q, r, type(q).__name__, q is p, q.y is p.y, r.y is p.y, r.y == p.y)
p2 = Point(3, 4)
print(copy.copy(Point(5, 6)).x)

class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child
root = Node('root')
kid = root.add(Node('kid'))
kid.add(Node('grandkid'))
root2 = copy.deepcopy(root)
print(root2.value, root2.children[0].value, root2.children[0].parent is root2, root2.children[0] is not kid)
print(root2.children[0].children[0].parent is root2.children[0], root2.children[0].children[0].value)
shallow = copy.copy(root)
print(shallow.children is root.children, shallow.parent)

class WithCopy:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('__copy__ called')
        return WithCopy(self.v + '-copied')

    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return WithCopy(self.v + '-deep')
w = WithCopy('w')
print(copy.copy(w).v, copy.deepcopy(w).v, copy.deepcopy([w, w])[0].v)
lst = copy.deepcopy([w, w])
print(lst[0] is lst[1])

class Memoized:
    def __init__(self, data):
        self.data = data

    def __deepcopy__(self, memo):
        result = Memoized(None)
        memo[id(self)] = result
        result.data = copy.deepcopy(self.data, memo)
        return result
m = Memoized([1])
m.data.append(m)
m2 = copy.deepcopy(m)
print(m2.data[1] is m2, m2.data[0], m2 is not m)

class Stateful:
    def __init__(self):
        self.a = 1
        self.cache = 'big'

    def __getstate__(self):
        state = dict(self.__dict__)
        del state['cache']
        return state

    def __setstate__(self, state):
        print('setstate', sorted(state))
        for k, v in state.items():
            setattr(self, k, v)
        self.cache = 'rebuilt'
st = copy.deepcopy(Stateful())
print(st.a, st.cache)
st2 = copy.copy(Stateful())
print(st2.a, st2.cache)

class Empty:
    pass
e1 = Empty()
e2 = copy.copy(e1)
print(type(e2).__name__, e2 is not e1, copy.deepcopy(e1) is not e1)

class Base:
    def __init__(self):
        self.base = [1]
class Child(Base):
    def __init__(self):
        Base.__init__(self)
        self.child = {'k': 'v'}
ch = copy.deepcopy(Child())
print(type(ch).__name__, ch.base, ch.child, isinstance(ch, Base))
print(Child().base, Point(7, 8))

class Account:
    count = 0

    def __init__(self, owner):
        Account.count += 1
        self.owner = owner
        self.history = []
acc = Account('ann')
acc.history.append(10)
acc2 = copy.deepcopy(acc)
acc2.history.append(20)
print(Account.count, acc.history, acc2.history, acc2.owner)

print('--- collections')
dq = deque([[1], [2]], maxlen=5)
dq2 = copy.deepcopy(dq)
dq2[0].append(9)
dq2.append([3])
print(dq, dq2, dq2.maxlen, copy.copy(dq)[0] is dq[0])
cnt = Counter('hello')
cnt2 = copy.copy(cnt)
cnt2['z'] += 1
print(cnt, cnt2, type(cnt2).__name__)
dd = defaultdict(list, {'a': [1]})
dd2 = copy.deepcopy(dd)
dd2['a'].append(2)
dd2['b'].append(3)
print(dd, dd2)
od = OrderedDict([('x', [1])])
od2 = copy.deepcopy(od)
od2['x'].append(2)
print(od, od2)
P = namedtuple('P', 'x y')
pt = P([1], 2)
pt2 = copy.deepcopy(pt)
pt2.x.append(5)
print(pt, pt2, copy.copy(pt) == pt)

print('--- big')
grid = [[(i * j) % 7 for j in range(50)] for i in range(50)]
g2 = copy.deepcopy(grid)
g2[0][0] = 'changed'
print(grid[0][0], g2[0][0], sum(map(sum, grid)), all(g2[i] is not grid[i] for i in range(50)))
tree = {}
node = tree
for i in range(200):
    node['next'] = {'i': i}
    node = node['next']
t2 = copy.deepcopy(tree)
depth = 0
node = t2
while 'next' in node:
    node = node['next']
    depth += 1
print(depth, node['i'])
print(sorted(copy.__all__), issubclass(copy.Error, Exception), copy.error is copy.Error)

print('--- list subclass')
class Tagged(list):
    def __init__(self, *a):
        list.__init__(self, *a)
        self.tag = 't'
tl = Tagged([1, [2]])
c = copy.copy(tl)
d = copy.deepcopy(tl)
print(type(c).__name__, c, c.tag, c[1] is tl[1], type(d).__name__, d, d.tag, d[1] is tl[1])

print('--- dict subclasses')
class Registry(dict):
    def __init__(self, name):
        dict.__init__(self)
        self.name = name
r = Registry('r')
r['a'] = [1]
r2 = copy.copy(r)
r3 = copy.deepcopy(r)
r['a'].append(2)
print(type(r2).__name__, r2, r2.name, r2['a'] is r['a'], r3, r3['a'] is r['a'], r3.name)
