# collections.namedtuple is a tuple subclass: tuple behaviour, hashing and comparison with
# plain tuples, _make/_replace/_asdict, copies, and its errors.
import copy
from collections import namedtuple

Point = namedtuple("Point", "x y")
P3 = namedtuple("P3", ["x", "y", "z"], defaults=[0])
p = Point(1, 2)
q = Point(x=1, y=2)
print(p, q, p == q, p == (1, 2), (1, 2) == p, hash(p) == hash((1, 2)), isinstance(p, tuple))
print(p[0], p[-1], p[:1], list(p), len(p), p + (3,), p * 2, 2 in p, p.index(2), p.count(1))
x, y = p
print(x, y, sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(0, 9), Point(1, 0)))
print(p._replace(y=5), Point._make([7, 8]), p._asdict(), Point._fields, P3(1, 2), P3._field_defaults)
d = {p: "a", (1, 2): "b"}
print(d, len(d), {Point(1, 2), (1, 2)})
print(copy.copy(p) == p, copy.deepcopy(P3(1, [2], 3)), type(copy.deepcopy(p)).__name__)
print(tuple(p), type(p).__mro__[1:], p.__getnewargs__())
for args, kwargs in [((1,), {}), ((1, 2, 3), {}), ((1,), {"x": 2}), ((), {"z": 1, "x": 1, "y": 2})]:
    try:
        print(Point(*args, **kwargs))
    except TypeError as e:
        print("TypeError:", e)
try:
    p._replace(w=1)
except ValueError as e:
    print("ValueError:", e)
try:
    Point._make([1])
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", type(e).__name__)
total = 0
for i in range(1000):
    r = Point(i, i + 1)
    total += r.x * r[1] + hash(r) % 7
print(total)
