class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, y=0): return self.n + x + y
a = Adder(3)
print(a(1), a(1, y=2), callable(a), callable(3))

class Bag:
    def __init__(self, items): self.items = list(items)
    def __contains__(self, x): return x in self.items
    def __len__(self): return len(self.items)
    def __iter__(self): return iter(self.items)
b = Bag([1, 2, 3])
print(2 in b, 5 in b, 5 not in b, len(b), list(b), bool(b), bool(Bag([])))

class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq())
for x in Seq():
    print("seq", x)

class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), sum(Countdown(5)), max(Countdown(4)))

class Truthy:
    def __bool__(self): return False
class Sized:
    def __len__(self): return 0
print(bool(Truthy()), bool(Sized()), "yes" if Sized() else "no", not Truthy())

class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return isinstance(o, V) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"V({self.v})"
print(sorted([V(3), V(1), V(2)]), V(1) == V(1), V(1) != V(2), V(2) > V(1), max([V(1), V(5)]))

class R:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return R(o + self.v)
    def __rmul__(self, o): return f"rmul {o}"
    def __rsub__(self, o): return o - self.v * 10
print((1 + R(2)).v, 3 * R(1), 100 - R(1))

class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, Num): return Num(self.v + o.v)
        return NotImplemented
    def __radd__(self, o): return Num(self.v + o)
    def __iadd__(self, o): self.v += o.v if isinstance(o, Num) else o; return self
    def __neg__(self): return Num(-self.v)
    def __abs__(self): return Num(abs(self.v))
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
    def __repr__(self): return f"Num({self.v})"
n = Num(2)
n += 3
print(n, -n, abs(Num(-4)), int(Num(7)), float(Num(2)), [0, 1, 2, 3][Num(2)], 1 + Num(1), hex(Num(255)))
try:
    Num(1) + "x"
except TypeError as e:
    print(e)

class Ctx:
    def __eq__(self, o): return "eq called"
print(Ctx() == 1, 1 == Ctx())
class Rich:
    def __init__(self, v): self.v = v
    def __gt__(self, o): print("gt"); return self.v > o
    def __ge__(self, o): return self.v >= o
print(5 < Rich(6), Rich(3) >= 3)
class Fmt:
    def __format__(self, spec): return f"<{spec}>"
    def __str__(self): return "str!"
    def __repr__(self): return "repr!"
print(f"{Fmt():>5}", format(Fmt(), "x"), str(Fmt()), repr(Fmt()), [Fmt()])
class H:
    def __hash__(self): return 42
    def __eq__(self, o): return True
print(len({H(), H()}), hash(H()))
class GI:
    def __getitem__(self, k): return k
    def __setitem__(self, k, v): print("set", k, v)
    def __delitem__(self, k): print("del", k)
g = GI()
print(g[1], g[1:3], g["a", 2])
g[0] = 1
del g[5]
class I:
    def __index__(self): return 2
print(list(range(I())), 'abc'[I()], [0] * I(), I() * [1], 'ab' * I(), (1,) * I(), [1, 2, 3][I()], [1, 2, 3, 4][I():], bin(I()), '%d' % I(), '%x' % I())
