# Container protocol: __len__, __getitem__, __setitem__, __contains__, __iter__, __bool__
class Grid:
    def __init__(self, w, h, fill=0):
        self.w, self.h = w, h
        self.cells = [fill] * (w * h)
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell out of range")
        return self.cells[y * self.w + x]
    def __setitem__(self, pos, v):
        x, y = pos
        self.cells[y * self.w + x] = v
    def __contains__(self, v):
        return v in self.cells
    def __iter__(self):
        return iter(self.cells)
    def __bool__(self):
        return any(self.cells)
g = Grid(3, 2)
print(len(g), bool(g), 5 in g)
g[1, 1] = 5
g[2, 0] = 7
print(g[1, 1], g[2, 0], g[0, 0], bool(g), 5 in g, 9 not in g, list(g), sum(g))
try:
    g[3, 0]
except IndexError as e:
    print("IndexError", e)
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if i < 0 or i >= self.n:
            raise IndexError("Seq index out of range")
        return i * i
s = Seq(5)
print(len(s), s[2], s[-1], list(s), 9 in s, 10 in s, [x for x in s if x % 2])
for v in s:
    print("seq item", v)
print(list(reversed(s)), sorted(s, reverse=True), bool(Seq(0)), bool(Seq(2)))
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
cd = Countdown(3)
print(next(cd), next(cd), next(cd), next(cd, "done"))
class Bag:
    def __init__(self):
        self.items = {}
    def __setitem__(self, k, v):
        self.items[k] = v
    def __getitem__(self, k):
        return self.items.get(k, "missing:" + str(k))
    def __delitem__(self, k):
        del self.items[k]
    def __len__(self):
        return len(self.items)
b = Bag()
b["a"] = 1
b["b"] = 2
del b["a"]
print(b["a"], b["b"], len(b))
