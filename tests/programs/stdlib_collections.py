# collections, the bundled Python module: deque, defaultdict, Counter, OrderedDict, namedtuple,
# ChainMap, with their reprs, edge cases and errors.
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap
import collections


def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '-> %s: %s' % (type(e).__name__, e))


print('--- deque')
d = deque()
print(d, len(d), bool(d), d.maxlen)
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], bool(d))
print(d.pop(), d.popleft(), d)
d.extend([4, 5, 6])
d.extendleft('ab')
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(100)
print(d)
d.reverse()
print(d, list(reversed(d)))
print(3 in d, 'z' in d, d.count(3), d.index(3), d.index('a'))
d.remove('a')
print(d)
d[0] = 'first'
d[-1] = 'last'
print(d)
del d[1]
print(d)
d.insert(2, 'ins')
print(d, d.copy(), d == d.copy(), d is d.copy())
d.clear()
print(d, len(d))
attempt('pop empty', lambda: deque().pop())
attempt('popleft empty', lambda: deque().popleft())
attempt('index out of range', lambda: deque([1])[5])
attempt('negative out of range', lambda: deque([1])[-2])
attempt('str index', lambda: deque([1])['a'])
attempt('remove missing', lambda: deque([1]).remove(9))
attempt('index missing', lambda: deque([1, 2]).index(9))
attempt('index range', lambda: deque([1, 2, 3]).index(3, 0, 2))
attempt('maxlen -1', lambda: deque(maxlen=-1))
attempt('insert full', lambda: deque([1], maxlen=1).insert(0, 2))
attempt('add list', lambda: deque([1]) + [2])
attempt('not iterable', lambda: deque(1))

# maxlen
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
    print(d)
d.appendleft(-1)
print(d, d.maxlen)
d.extendleft([10, 11])
print(d)
print(deque('abcdef', 2), deque(range(10), maxlen=0), len(deque(range(10), 0)))
d = deque([1, 2, 3], 3)
d.rotate(1)
print(d)
last3 = deque(maxlen=3)
for line in ['a', 'b', 'c', 'd', 'e']:
    last3.append(line)
print(list(last3))

# arithmetic and comparison
a = deque([1, 2])
b = deque([1, 3])
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a == deque([1, 2]), a == [1, 2])
print(a + b, a * 2, 2 * a, a * 0)
a += [7, 8]
print(a)
a *= 2
print(a)
c = deque([1, 2])
c.extend(c)
print(c)
c.extendleft(c)
print(c)
print(deque([[1]]) == deque([[1]]), deque([1.0, 2]) == deque([1, 2]))

# iteration
d = deque(range(20))
print(sum(d), [x * 2 for x in d if x % 5 == 0], max(d), min(d), sorted(d, reverse=True)[:3])
print(list(zip(d, 'abc')), tuple(deque('xy')), list(enumerate(deque('pq'))))

# a queue under heavy use (ring-buffer growth, wraparound)
q = deque()
total = 0
for i in range(5000):
    q.append(i)
    if i % 3 == 0:
        total += q.popleft()
print(len(q), total, q[0], q[-1], q[len(q) // 2])
q2 = deque()
for i in range(1000):
    if i % 2:
        q2.append(i)
    else:
        q2.appendleft(i)
print(len(q2), q2[0], q2[1], q2[-1], q2[-2], list(q2)[498:502])
for i in range(700):
    q2.rotate(i)
print(q2[0], q2[500], sum(q2))
# BFS
graph = {0: [1, 2], 1: [3], 2: [3, 4], 3: [5], 4: [5], 5: []}
seen = {0}
order = []
todo = deque([0])
while todo:
    n = todo.popleft()
    order.append(n)
    for m in graph[n]:
        if m not in seen:
            seen.add(m)
            todo.append(m)
print(order)
class MyDeque(deque):
    pass
md = MyDeque([1, 2])
print(md, md.maxlen, isinstance(md, deque))

print('--- defaultdict')
dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, len(dd), dd['a'], 'c' in dd, dd.get('c'), 'c' in dd)
print(dd['c'], 'c' in dd, sorted(dd.keys()), list(dd.values()), list(dd.items()))
di = defaultdict(int)
for ch in 'mississippi':
    di[ch] += 1
print(di, sorted(di.items()), di.default_factory)
print(defaultdict(None), defaultdict(int, a=1), defaultdict(int, {'x': 2}, y=3))
print(defaultdict(list, [('k', [1])]))
attempt('no factory', lambda: defaultdict()['x'])
attempt('bad factory', lambda: defaultdict(1))
attempt('missing', lambda: defaultdict(int).__missing__('q'))
ds = defaultdict(set)
ds['x'].add(1)
ds['x'].add(2)
print(ds, ds == {'x': {1, 2}}, {'x': {1, 2}} == ds)
dc = di.copy()
dc['m'] = 100
print(dc['m'], di['m'], type(dc).__name__, dc.default_factory)
print(di.pop('m'), di.pop('zz', 'dflt'), di.setdefault('n', 5), di['n'])
del di['s']
print(di, di | {'q': 9}, dict(di.items()))
di.update({'p': 0}, w=1)
print(di, list(di))
tree = lambda: defaultdict(tree)
t = tree()
t['a']['b']['c'] = 1
print(sorted(t['a']['b'].items()), len(t), len(t['a']))
dd2 = defaultdict(lambda: 'default')
print(dd2['x'], dict(dd2.items()))
dd3 = defaultdict(list)
dd3.default_factory = dict
print(dd3[1])
attempt('popitem empty', lambda: defaultdict(int).popitem())

print('--- Counter')
c = Counter('abracadabra')
print(c)
print(c['a'], c['z'], 'z' in c, len(c), c.total())
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
print(Counter(), Counter(a=3, b=1), Counter({'x': 2, 'y': 5}), Counter(['x', 'y', 'x']))
c.update('aaz')
print(c)
c.update({'a': 10, 'new': 2})
print(c)
c.update(b=100)
print(c)
c.subtract('aaa')
print(c)
c.subtract({'new': 5})
print(c)
c.subtract(Counter(b=200))
print(c)
print(+c, -c)
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, b - a, a | b, a & b)
print(a == b, a == Counter(a=3, b=1), Counter(a=1) == Counter(a=1, b=0), a != b)
print(Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1, b=0))
print(Counter(a=2) > Counter(a=1), Counter(a=1) == {'a': 1})
del a['zz']
del a['a']
print(a)
x = Counter(a=3, b=-1)
x += Counter(b=2)
print(x)
x -= Counter(a=5)
print(x)
x |= Counter(c=3, b=0)
print(x)
x &= Counter(c=2, b=9)
print(x)
attempt('add int', lambda: Counter(a=1) + 1)
attempt('fromkeys', lambda: Counter.fromkeys('ab'))
c2 = Counter(a=1)
c3 = c2.copy()
c3['a'] += 5
print(c2, c3, type(c3).__name__)
print(Counter({'a': -1, 'b': 0}), Counter(a=1.5, b=2))
words = 'the cat and the dog and the bird'.split()
wc = Counter(words)
print(wc.most_common(2), wc['the'], sorted(wc))
print(Counter(x % 3 for x in range(10)))
c4 = Counter()
c4['q'] += 1
c4['r'] -= 1
print(c4, dict(c4.items()), sum(c4.values()))
print(c4.get('zz'), c4.get('q'), c4.pop('q'), c4)

print('--- OrderedDict')
od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
od.move_to_end('b')
print(od)
od.move_to_end('b', last=False)
print(od)
print(od.popitem(), od)
print(od.popitem(last=False), od)
attempt('move missing', lambda: OrderedDict(a=1).move_to_end('z'))
attempt('popitem empty', lambda: OrderedDict().popitem())
print(OrderedDict(), OrderedDict(a=1, b=[2]), OrderedDict([('x', 1), ('y', 2)]))
o1 = OrderedDict([('a', 1), ('b', 2)])
o2 = OrderedDict([('b', 2), ('a', 1)])
print(o1 == o2, o1 == dict(o2.items()), o1 == {'b': 2, 'a': 1}, dict(o1.items()) == dict(o2.items()))
print(OrderedDict.fromkeys('xyz', 0), list(reversed(o1)))
o3 = o1.copy()
o3['c'] = 3
print(o1, o3, o1 | {'z': 0})
lru = OrderedDict()
for key in [1, 2, 3, 1, 4, 2, 5]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = key * 10
    if len(lru) > 3:
        lru.popitem(last=False)
print(lru)
print(od.setdefault('k', 9), od.get('k'), od.pop('k'), od)

print('--- namedtuple')
Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], p[-1], p[:1], len(p), list(p), tuple(p))
x, y = p
print(x, y, p == (1, 2), (1, 2) == p, p != (1, 3), p == Point(1, 2), p == [1, 2])
print(hash(p) == hash((1, 2)), {p: 'pt'}[(1, 2)], {(1, 2): 'tp'}[p])
print(Point._fields, Point(x=3, y=4), Point(5, y=6), p._asdict(), p._replace(y=20))
print(Point._make([7, 8]), Point._make(range(2)), Point.__name__, type(p).__name__)
print(p + (3,), (0,) + p, p * 2, 2 in p, p.count(1), p.index(2))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(1, 2), Point(1, 3)))
print(p < (1, 3), p <= (1, 2), p > (0, 9), p >= (2, 0), (1, 1) < p)
Point3 = namedtuple('Point3', ['x', 'y', 'z'], defaults=[0])
print(Point3(1, 2), Point3(1, 2, 3), Point3._field_defaults, Point3._fields)
Emp = namedtuple('Emp', 'name, age, title', defaults=('x', 'y'))
print(Emp('n'), Emp._field_defaults)
R = namedtuple('R', ['abc', 'def', 'ghi', '_1', 'abc'], rename=True)
print(R._fields)
attempt('missing one', lambda: Point(1))
attempt('missing two', lambda: Point())
attempt('missing three', lambda: Point3())
attempt('too many', lambda: Point(1, 2, 3))
attempt('too many with defaults', lambda: Point3(1, 2, 3, 4))
attempt('unexpected kw', lambda: Point(1, 2, z=3))
attempt('multiple', lambda: Point(1, x=2))
attempt('make wrong', lambda: Point._make([1, 2, 3]))
attempt('replace wrong', lambda: p._replace(z=1))
attempt('bad name', lambda: namedtuple('P', 'x 1y'))
attempt('keyword', lambda: namedtuple('P', 'x class'))
attempt('underscore', lambda: namedtuple('P', 'x _y'))
attempt('duplicate', lambda: namedtuple('P', 'x y x'))
attempt('bad typename', lambda: namedtuple('1P', 'x'))
attempt('too many defaults', lambda: namedtuple('P', 'x', defaults=(1, 2)))
attempt('index', lambda: p[2])
class Vec(namedtuple('Vec', 'x y')):
    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
v = Vec(3, 4)
print(v, v.norm2(), v + Vec(1, 1), v._replace(x=0), Vec._make((5, 6)).norm2(), v == (3, 4))
Empty = namedtuple('Empty', '')
print(Empty(), len(Empty()), Empty() == ())
Card = namedtuple('Card', ['rank', 'suit'])
deck = [Card(r, s) for s in 'SH' for r in '23']
print(deck, sorted(deck, key=lambda c: c.rank)[0])
print([c.suit for c in deck], {c.rank for c in deck} == {'2', '3'})
print('%s-%s' % Card('A', 'S') if False else '%s-%s' % tuple(Card('A', 'S')), '{}/{}'.format(*Card('K', 'H')))
print(Point(1.5, [1, 2]), Point('a', None), Point(Point(1, 2), ()))
pts = [Point(i, i * i) for i in range(1000)]
print(sum(q.y for q in pts), sum(q[0] for q in pts), pts[10])

print('--- ChainMap')
base = {'a': 1, 'b': 2}
over = {'b': 3, 'c': 4}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), 'a' in cm, 'z' in cm, cm.get('z', 0))
cm['d'] = 5
print(over, cm.maps[0] is over, cm)
child = cm.new_child()
child['a'] = 100
print(child['a'], cm['a'], len(child.maps), child.parents['a'])
attempt('missing', lambda: cm['zz'])

print('--- more')
od = OrderedDict(a=1, b=2)
print(od.keys(), od.values(), od.items(), len(od.keys()), 'a' in od.keys(), ('a', 1) in od.items())
print(od.keys() & {'a'}, od.keys() | {'z'} == {'a', 'b', 'z'}, od.keys() - {'a'}, od.keys() == {'a', 'b'})
print(list(reversed(od.keys())), list(reversed(od.items())), list(od.values()), od.items() == {('a', 1), ('b', 2)})
ks = od.keys()
od['c'] = 3
print(ks, len(ks), sorted(ks ^ {'a', 'q'}))
print(deque, Counter, OrderedDict, defaultdict, type(deque()), type(Counter()).__name__)
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e, d)
d = deque([1, 2, 3])
try:
    for x in d:
        if x == 3:
            d.popleft()
except RuntimeError as e:
    print('RuntimeError', e, d)
d = deque([1, 2, 3])
for x in d:
    d[0] = x
print(d)
print(defaultdict.fromkeys('ab'), defaultdict.fromkeys([1], 0), OrderedDict.fromkeys('xy', []))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError', e)

print('--- dict subclasses')
c = Counter('hello world')
dd = defaultdict(list, a=[1])
od = OrderedDict(x=1, y=2)
for m in (c, dd, od):
    print(type(m).__name__, isinstance(m, dict), issubclass(type(m), dict), dict(m), len(m))
print('%(l)d %(o)d' % c, '%(a)s' % dd, '{x}-{y}'.format(**od), '{l}'.format(**c))
print(type(c).__mro__, Counter.__bases__, defaultdict.__mro__[1], OrderedDict.__mro__[-1])
def to_json(v):
    if isinstance(v, dict):
        return '{' + ', '.join('"%s": %s' % (k, to_json(v[k])) for k in v) + '}'
    if isinstance(v, list):
        return '[' + ', '.join(to_json(x) for x in v) + ']'
    return str(v)
print(to_json(Counter('aab')), to_json(dd), to_json(OrderedDict(z=OrderedDict(q=[1, 2]))))
print(dict(c) == c, c == dict(c), {'a': 1} == Counter(a=1), Counter(a=1) == {'a': 1}, Counter(a=1, b=0) == {'a': 1})
print(od == {'y': 2, 'x': 1}, {'y': 2, 'x': 1} == od, od != {'x': 1}, od == OrderedDict(y=2, x=1))
print(dd | {'b': [2]}, {'b': [2]} | dd, type({'b': 1} | dd).__name__, (dd | {}).default_factory)
print(od | {'z': 3}, {'z': 3} | od, type({'z': 3} | od).__name__)
dd |= {'k': []}
od |= [('w', 0)]
print(dd, od)
print(sorted(Counter('abc') | Counter('bcd')), Counter('abbb') & Counter('bb'))
import copy
print(copy.copy(c) == c, type(copy.copy(dd)).__name__, copy.copy(dd).default_factory, copy.deepcopy(od))
dd2 = copy.deepcopy(defaultdict(list, a=[1]))
dd2['a'].append(2)
dd2['new'].append(3)
print(dd2)
class LoudCounter(Counter):
    def __setitem__(self, key, value):
        print('set', key, value)
        Counter.__setitem__(self, key, value)
lc = LoudCounter('aba')
print(lc, isinstance(lc, Counter), lc['zz'])
class Tally(defaultdict):
    def __init__(self):
        defaultdict.__init__(self, int)
t = Tally()
t['x'] += 2
print(t, t['y'], isinstance(t, dict), dict(t))
print(dict.get(c, 'l'), dict.keys(od), list(dict.values(dd)), set(c.keys()) == set(dict(c).keys()))
print(sorted(dict(c).items()) == sorted(c.items()), list(reversed(Counter('abc'))))
rd = defaultdict(list)
rd['x'] = rd
ro = OrderedDict(a=1)
ro['self'] = ro
rq = deque([1])
rq.append(rq)
rq2 = deque([ro], maxlen=3)
print(rd, ro, rq, rq2)

print('--- generated operations')
seed = [99]


def rnd(n):
    seed[0] = (seed[0] * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return (seed[0] >> 33) % n


keys = 'abcdefg'
for trial in range(40):
    c1 = Counter([keys[rnd(7)] for _ in range(rnd(12))])
    c2 = Counter({keys[rnd(7)]: rnd(7) - 3 for _ in range(rnd(6))})
    ops = [c1 + c2, c1 - c2, c1 | c2, c1 & c2, +c2, -c2, c1 == c2, c1 <= c2, c2 >= c1]
    c3 = c1.copy()
    c3.subtract(c2)
    c4 = c1.copy()
    c4 += c2
    c5 = c2.copy()
    c5 |= c1
    print(ops, c3, c4, c5, c1.most_common(2), sorted(c2.elements()), c3.total())
    od = OrderedDict()
    dd = defaultdict(list)
    for step in range(rnd(15)):
        k = keys[rnd(7)]
        r = rnd(6)
        if r == 0:
            od[k] = step
        elif r == 1 and k in od:
            od.move_to_end(k, last=rnd(2) == 0)
        elif r == 2 and od:
            od.popitem(last=rnd(2) == 0)
        elif r == 3:
            od.setdefault(k, -step)
        elif r == 4:
            od.pop(k, None)
        dd[k].append(step)
    print(od, list(reversed(od)), od == dict(od), dict(dd), len(dd), sorted(dd))
