# copy and deepcopy through __reduce__ / __reduce_ex__ and __setstate__.
import copy


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __reduce__(self):
        return (Point, (self.x, self.y))

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Stateful:
    def __init__(self):
        self.a = [1, 2]
        self.b = "b"

    def __reduce__(self):
        return (Stateful._make, (), {"a": self.a, "b": self.b})

    @staticmethod
    def _make():
        obj = Stateful.__new__(Stateful)
        return obj

    def __setstate__(self, state):
        for key, value in state.items():
            setattr(self, key, value)
        self.restored = True


class Bag(list):
    def __reduce_ex__(self, proto):
        return (Bag, (), None, iter(self))


class Singleton:
    def __reduce__(self):
        return "INSTANCE"


INSTANCE = Singleton()
p = Point(1, [2, 3])
q = copy.copy(p)
r = copy.deepcopy(p)
print(q, r, q.y is p.y, r.y is p.y, r.y == p.y)
s = Stateful()
t = copy.deepcopy(s)
u = copy.copy(s)
print(t.a, t.b, t.restored, t.a is s.a, u.a is s.a, hasattr(s, "restored"))
b = Bag([[1], [2]])
c = copy.deepcopy(b)
d = copy.copy(b)
print(type(c).__name__, c, c[0] is b[0], d[0] is b[0])
print(copy.copy(INSTANCE) is INSTANCE, copy.deepcopy([INSTANCE])[0] is INSTANCE)
shared = Point(0, 0)
pair = copy.deepcopy([shared, shared])
print(pair[0] is pair[1], pair[0] is shared)


class Plain:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Plain, (0,), {"v": self.v, "extra": [self.v]})


w = copy.deepcopy(Plain(7))
print(w.v, w.extra)
