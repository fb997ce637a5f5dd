class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
    def __repr__(self): return f"Pair({self[0]!r}, {self[1]!r})"
p = Pair(1, "x")
print(p, p.first, len(p), p[1], p[-1], p[:1], list(p), 1 in p, isinstance(p, tuple))
a, b = p
print(a, b, p == (1, "x"), (1, "x") == p, p < (2,), hash(p) == hash((1, "x")), p + (3,), p * 2)
print("%s-%s" % p, {p: 1}[(1, "x")], sorted([Pair(2, 0), Pair(1, 5)]), max(p, key=str))
class T(tuple):
    pass
t = T([3, 4, 5])
print(t, type(t).__name__, t.count(3), t.index(5), t[::-1], T(), T("ab"))
t.extra = 1
print(t.extra)
try:
    t[0] = 1
except TypeError as e:
    print(e)
print(tuple(t), tuple(p) is p)
import collections
Point = collections.namedtuple("Point", "x y")
pt = Point(1, 2)
print(pt, pt.x + pt.y)
