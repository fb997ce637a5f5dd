# isinstance() in hot loops: an instance of the class or a subclass is True by its class, which
# the trace checks through the instance's shape; anything else (other classes, built-in
# values, a metaclass's __instancecheck__, tuples of classes) asks the runtime.

class Shape:
    pass


class Circle(Shape):
    def __init__(self, r):
        self.r = r


class Square(Shape):
    def __init__(self, s):
        self.s = s


class Other:
    pass


class Quacker:
    quack = True


class Meta(type):
    def __instancecheck__(cls, obj):
        return getattr(obj, "r", 0) > 5


class Big(metaclass=Meta):
    pass


def count(items, cls):
    n = 0
    for it in items:
        if isinstance(it, cls):
            n += 1
    return n


def checked_area(items):
    total = 0
    for it in items:
        assert isinstance(it, Shape)
        if isinstance(it, Circle):
            total += 3 * it.r * it.r
        else:
            total += it.s * it.s
    return total


circles = [Circle(i % 9) for i in range(300)]
squares = [Square(i % 4) for i in range(300)]
mixed = circles[:150] + [Other(), 7, "x", None] + squares[:150] + [Quacker()] * 20
print(count(circles, Circle), count(circles, Shape), count(circles, Square))
print(count(mixed, Shape), count(mixed, Circle), count(mixed, Other), count(mixed, int))
print(count(mixed, Quacker), count(mixed, Big), count(circles, Big))
print(checked_area(circles + squares))
try:
    checked_area(circles[:250] + [Other()])
except AssertionError:
    print("assertion failed at the Other")
print(count(mixed, (Square, Other)), count(mixed, (int, str)))
