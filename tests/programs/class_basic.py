# Classes: __init__, methods, instance and class attributes
class Point:
    dims = 2
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
q = p.moved(1, 1)
print(p.x, p.y, p.norm2(), q.x, q.y, q.norm2())
p.move(1, 2).move(1, 1)
print(p.x, p.y, Point.count, p.count, Point.dims)
Point.origin_label = "O"
print(p.origin_label, q.origin_label, Point.origin_label)
p.dims = 3
print(p.dims, q.dims, Point.dims)
del p.dims
print(p.dims)
Point.dims = 4
print(p.dims, q.dims)
class Counter:
    def __init__(self):
        self.counts = {}
    def add(self, key):
        self.counts[key] = self.counts.get(key, 0) + 1
    def top(self, n):
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
c = Counter()
for w in "a b c a b a d".split():
    c.add(w)
print(c.counts, c.top(2))
m = p.norm2
print(m(), type(p).__name__, type(m).__name__)
p.extra = [1, 2]
p.extra.append(3)
print(p.extra)
def free_function(self):
    return "free " + str(self.x)
Point.describe = free_function
print(p.describe(), q.describe())
class Empty:
    pass
e = Empty()
e.name = "dynamic"
print(e.name, isinstance(e, Empty), type(e) is Empty)
try:
    print(e.missing)
except AttributeError as err:
    print("AttributeError", err)
try:
    Point(1)
except TypeError as err:
    print("TypeError", err)
