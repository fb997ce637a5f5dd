# dataclasses: the @dataclass decorator and its helper functions.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         FrozenInstanceError, InitVar, KW_ONLY, MISSING, Field)
from typing import ClassVar, List, Optional
from collections import namedtuple


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


print('--- basics')
@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, repr(p), str(p), p.x, p.y, Point(3), Point(y=5, x=4))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2), Point.__hash__)
attempt('hash', lambda: hash(p))
p.x = 10
print(p, Point.__match_args__, Point.__doc__)
print(Point.__dataclass_params__)
print([f.name for f in fields(p)], [f.type for f in fields(Point)], fields(p)[1].default)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(1), is_dataclass(int))
print(asdict(p), astuple(p), replace(p, y=99), p)
print(type(fields(p)[0]) is Field, fields(p)[0].default is MISSING, fields(p)[0].init)
attempt('missing', lambda: Point())
attempt('too many', lambda: Point(1, 2, 3))
attempt('unexpected', lambda: Point(1, z=3))
attempt('multiple', lambda: Point(1, x=3))
attempt('fields int', lambda: fields(3))
attempt('asdict class', lambda: asdict(Point))
attempt('replace bad', lambda: replace(p, z=1))

print('--- arguments')
@dataclass()
class Empty:
    pass

print(Empty(), Empty() == Empty(), fields(Empty), asdict(Empty()))

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(vs), max(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 9))
attempt('order other', lambda: Version(1) < 1)

@dataclass(frozen=True)
class Frozen:
    name: str
    tags: tuple = ()

fr = Frozen('a', ('x',))
print(fr, hash(fr) == hash(('a', ('x',))), {fr: 1}[Frozen('a', ('x',))])
def assign():
    fr.name = 'b'
attempt('frozen set', assign)
def delete():
    del fr.name
attempt('frozen del', delete)
def other():
    fr.other = 1
attempt('frozen new attr', other)
print(replace(fr, name='c'), fr)
try:
    fr.name = 'z'
except AttributeError as e:
    print('caught as AttributeError', type(e).__name__, isinstance(e, FrozenInstanceError))

@dataclass(eq=False)
class Ident:
    v: int

a, b = Ident(1), Ident(1)
print(a == b, a == a, hash(a) == hash(a), Ident.__eq__ is object.__eq__)

@dataclass(unsafe_hash=True)
class Hashed:
    a: int
    b: list = field(default_factory=list, hash=False, compare=True)

h = Hashed(1)
print(hash(h) == hash((1,)), h, Hashed(1, [2]) == Hashed(1, [2]))

@dataclass(repr=False, init=False)
class NoRepr:
    x: int = 3

n = NoRepr()
print(n.x, type(repr(n)).__name__, repr(n).startswith('<'))

@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int

print(Opts(level=3), Opts(verbose=True, level=1), Opts.__match_args__)
attempt('kw only positional', lambda: Opts(True, 1))
attempt('kw only missing', lambda: Opts())

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int

print(Mixed(1, c=3), Mixed(1, b=5, c=6), Mixed.__doc__, [f.name for f in fields(Mixed)])
attempt('mixed missing', lambda: Mixed(1))
attempt('mixed positional', lambda: Mixed(1, 2, c=3))

print('--- field()')
@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    secret: str = field(default='s', repr=False, compare=False)
    computed: int = field(init=False, default=0)
    made: list = field(init=False, default_factory=lambda: ['made'])
    meta: int = field(default=1, metadata={'unit': 'kg'})

i1 = Inventory('a')
i2 = Inventory('a')
i1.items.append('x')
print(i1, i2, i1.items is i2.items, i1.made, Inventory.computed, Inventory.meta)
print(Inventory('a', [], {}, 'other') == Inventory('a'), fields(Inventory)[6].metadata['unit'])
print('items' in Inventory.__dict__, Inventory.__doc__)
attempt('init false arg', lambda: Inventory('a', computed=1))
attempt('replace init false', lambda: replace(i1, computed=2))
print(replace(i1, name='b'))
attempt('both defaults', lambda: field(default=1, default_factory=list))

print('--- errors at class creation')
def bad_order():
    @dataclass
    class Bad:
        x: int = 0
        y: int
attempt('non-default', bad_order)
def bad_mutable():
    @dataclass
    class Bad:
        x: list = []
attempt('mutable list', bad_mutable)
def bad_mutable_dict():
    @dataclass
    class Bad:
        x: dict = {}
attempt('mutable dict', bad_mutable_dict)
def bad_mutable_set():
    @dataclass
    class Bad:
        x: set = set()
attempt('mutable set', bad_mutable_set)
def bad_order_eq():
    @dataclass(order=True, eq=False)
    class Bad:
        x: int
attempt('order without eq', bad_order_eq)
def no_annotation():
    @dataclass
    class Bad:
        x = field(default=1)
attempt('no annotation', no_annotation)
def overwrite_lt():
    @dataclass(order=True)
    class Bad:
        x: int
        def __lt__(self, other):
            return True
attempt('overwrite lt', overwrite_lt)
def overwrite_hash():
    @dataclass(unsafe_hash=True)
    class Bad:
        x: int
        def __hash__(self):
            return 1
attempt('overwrite hash', overwrite_hash)
def frozen_from_plain():
    @dataclass
    class Base:
        x: int
    @dataclass(frozen=True)
    class Sub(Base):
        y: int
attempt('frozen from plain', frozen_from_plain)
def plain_from_frozen():
    @dataclass(frozen=True)
    class Base:
        x: int
    @dataclass
    class Sub(Base):
        y: int
attempt('plain from frozen', plain_from_frozen)

print('--- ClassVar, InitVar, __post_init__')
@dataclass
class Counter:
    total: ClassVar[int] = 0
    kind: ClassVar = 'counter'
    start: int = 0

    def __post_init__(self):
        Counter.total += 1
        self.doubled = self.start * 2

c1 = Counter()
c2 = Counter(5)
print(c1, c2, Counter.total, c2.doubled, [f.name for f in fields(Counter)], Counter.kind)

@dataclass
class WithInit:
    x: int
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.x = self.x * scale

w = WithInit(3, 10)
print(w, WithInit(4), [f.name for f in fields(WithInit)], asdict(w), replace(w, scale=2))

@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)

    def __post_init__(self):
        self.area = self.w * self.h

print(Rect(2, 3.5), Rect(1, 1) == Rect(1, 1))

print('--- inheritance')
@dataclass
class Base:
    x: int
    y: int = 1

@dataclass
class Derived(Base):
    z: int = 2
    y: int = 10

d = Derived(0)
print(d, [f.name for f in fields(d)], Derived(1, 2, 3), d == Base(0, 10), Base(0) == Base(0))
print(isinstance(d, Base), Derived.__mro__[1].__name__, Derived.__doc__)

class Plain(Base):
    def describe(self):
        return 'plain %d' % self.x

print(Plain(7), Plain(7).describe(), is_dataclass(Plain))

@dataclass
class Custom:
    a: int

    def __repr__(self):
        return 'Custom<%d>' % self.a

    def __eq__(self, other):
        return True

print(Custom(1), Custom(1) == 2, Custom.__hash__)

@dataclass(frozen=True, order=True)
class Card:
    rank: int
    suit: str = field(compare=False)

print(sorted([Card(3, 's'), Card(1, 'h'), Card(2, 'd')]), Card(1, 'a') == Card(1, 'b'))
print(len({Card(1, 'a'), Card(1, 'b'), Card(2, 'a')}))

print('--- asdict / astuple')
Pair = namedtuple('Pair', 'a b')

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    props: dict = field(default_factory=dict)
    pair: Optional[tuple] = None

tree = Node(1, [Node(2), Node(3, [Node(4)])], {'k': Node(5)}, (Point(1, 2), 'x'))
print(asdict(tree))
print(astuple(tree))
print(asdict(Node(0, pair=Pair(Point(0, 0), [1]))))
dd = asdict(tree)
dd['children'][0]['value'] = 100
print(tree.children[0].value)
print(asdict(p, dict_factory=lambda pairs: sorted(pairs, reverse=True)))
print(astuple(p, tuple_factory=list))

print('--- recursion and misc')
@dataclass
class Loop:
    name: str
    other: object = None

lp = Loop('a')
lp.other = lp
print(lp)
lst = [Loop('b')]
lst[0].other = lst
print(lst)

@dataclass
class Slotted:
    __slots__ = ('a',)
    a: int

print(Slotted(1), Slotted(1) == Slotted(1))

@dataclass
class Defaults:
    a: str = 'x'
    b: tuple = (1, 2)
    c: object = None
    d: frozenset = frozenset()

print(Defaults(), Defaults.__doc__)
attempt('getitem', lambda: Point(1, 2)[0])

points = [Point(i, i * i) for i in range(200)]
print(sum(q.y for q in points), points[-1], sorted(points, key=lambda q: -q.x)[0])
print(len(set(astuple(q) for q in points)), Point(1, 2) in points)

print('--- make_dataclass')
from dataclasses import make_dataclass
P3 = make_dataclass('P3', ['x', ('y', int), ('z', list, field(default_factory=list))],
                    namespace={'norm': lambda self: self.x + self.y})
print(P3.__name__, P3.__module__, P3(1, 2), P3(1, 2).norm(), [f.type for f in fields(P3)], P3.__qualname__, P3.__doc__)
Q3 = make_dataclass('Q3', [('w', int, 0)], bases=(Base,), frozen=False, order=True)
print(Q3(1), Q3(1, 2, 3) < Q3(1, 2, 4), isinstance(Q3(0), Base), [f.name for f in fields(Q3)])
F3 = make_dataclass('F3', [('a', int)], frozen=True)
print(hash(F3(1)) == hash((1,)), F3(2))
attempt('dup', lambda: make_dataclass('Bad', ['x', 'x']))
attempt('keyword', lambda: make_dataclass('Bad', ['class']))
attempt('identifier', lambda: make_dataclass('Bad', ['1x']))
attempt('invalid', lambda: make_dataclass('Bad', [('x',)]))
