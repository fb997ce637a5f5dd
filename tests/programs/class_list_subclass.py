# Subclassing the builtin list
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1] if self else None
    def __repr__(self):
        return "Stack(" + list.__repr__(self) + ")"
s = Stack()
s.push(1).push(2).push(3)
print(s, len(s), s.peek(), s[0], s[-1], s[1:], type(s[1:]).__name__)
print(s.pop(), s, isinstance(s, list), isinstance(s, Stack), type(s).__name__)
s.extend([7, 8])
print(s, sum(s), sorted(s, reverse=True), 7 in s, list(s))
class TypedList(list):
    def __init__(self, kind, items=()):
        super().__init__()
        self.kind = kind
        for it in items:
            self.append(it)
    def append(self, x):
        if not isinstance(x, self.kind):
            raise TypeError("expected " + self.kind.__name__ + ", got " + type(x).__name__)
        super().append(x)
t = TypedList(int, [1, 2, 3])
t.append(4)
print(t, len(t), t.kind.__name__)
try:
    t.append("five")
except TypeError as e:
    print("TypeError", e)
print(t + [9], type(t + [9]).__name__, t * 2)
class SortedList(list):
    def add(self, x):
        i = 0
        while i < len(self) and self[i] < x:
            i += 1
        self.insert(i, x)
sl = SortedList()
for v in [5, 1, 4, 1, 9, 2]:
    sl.add(v)
    print(sl)
print(sl == [1, 1, 2, 4, 5, 9], sl.count(1), sl.index(4))
class Matrix(list):
    def __str__(self):
        return "\n".join(" ".join(str(v) for v in row) for row in self)
    def transpose(self):
        return Matrix([list(r) for r in zip(*self)])
m = Matrix([[1, 2, 3], [4, 5, 6]])
print(m)
print(m.transpose())
print(repr(m), len(m), m[1][2])
class Hist(list):
    pass
h = Hist([3, 1, 2])
h.sort()
h.label = "sorted"
print(h, h.label, bool(Hist()), bool(h))
