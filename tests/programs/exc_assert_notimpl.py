# AssertionError and NotImplementedError
def check_positive(n):
    assert n > 0, "expected positive, got " + str(n)
    return n
for v in [5, 0, -3]:
    try:
        print(check_positive(v))
    except AssertionError as e:
        print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("no message:", repr(str(e)), e.args)
try:
    assert [], ("tuple", "message")
except AssertionError as e:
    print("tuple message:", e, e.args)
try:
    assert None, 42
except AssertionError as e:
    print("int message:", e, e.args)
class Shape:
    def area(self):
        raise NotImplementedError
    def perimeter(self):
        raise NotImplementedError("perimeter not implemented for " + type(self).__name__)
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
sq = Sq(3)
print(sq.area())
try:
    sq.perimeter()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", repr(str(e)), e.args, isinstance(e, RuntimeError))
try:
    raise NotImplementedError("a", "b")
except RuntimeError as e:
    print(type(e).__name__, e)
print(repr(NotImplemented), NotImplemented is NotImplemented)
class Meters:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        if isinstance(other, Meters):
            return self.v == other.v
        return NotImplemented
print(Meters(1) == Meters(1), Meters(1) == Meters(2), Meters(1) == 1, Meters(1) != "x")
total = 0
for i in range(10):
    assert i >= 0
    total += i
assert total == 45, "sum mismatch"
print("all assertions passed", total)
