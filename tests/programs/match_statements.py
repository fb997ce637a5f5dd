class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case None:
            return "none"
        case True:
            return "true?"
        case "hello":
            return "greeting"
        case [] :
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case [x, y, *_, z] if x == z:
            return f"same ends {x} (middle {y})"
        case (a, b):
            return f"pair {a} {b}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": t, **others}:
            return f"shape {t} with {sorted(others)}"
        case {}:
            return "some mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=px) as p:
            return f"point with x={px} ({type(p).__name__})"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num:
            return f"number {num}"
        case str(s):
            return f"string {s!r}"
        case _:
            return "other"

tests = [0, 2, None, True, "hello", [], [7], [1, 2, 3], [5, 6, 7, 5], (8, 9), [4, 5, 6],
         {"type": "circle", "r": 2}, {"type": "rect", "w": 1, "h": 2}, {"x": 1},
         Point(0, 0), Point(0, 4), Point(3, 3), Point(1, 2), -5, 42, 2.5, "other", {1, 2}, range(2)]
for t in tests:
    print(repr(t) if not isinstance(t, Point) else "Point", "->", describe(t))

def http(status):
    match status:
        case 400 | 404 as code:
            return f"client {code}"
        case 500:
            return "server"
    return "unknown"
print(http(404), http(500), http(200))

import collections
match collections.OrderedDict(a=1) if False else {"a": 1, "b": 2}:
    case {"a": 1, "b": bb}:
        print("bb", bb)
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)
match "abc":
    case [*chars]:
        print("sequence?!", chars)
    case str():
        print("strings are not sequences here")
try:
    match 1:
        case len(x):
            pass
except TypeError as e:
    print(e)
class NoArgs: pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
total = 0
for i in range(3000):
    match (i % 3, i % 5):
        case (0, 0):
            total += 15
        case (0, _):
            total += 3
        case (_, 0):
            total += 5
        case _:
            total += 1
print(total)
def f():
    total = 0
    for i in range(30000):
        match (i % 3, i % 5):
            case (0, 0):
                total += 15
            case (0, _):
                total += 3
            case (_, 0):
                total += 5
            case _:
                total += 1
    return total
print(f())
