# __call__ makes instances callable; objects holding state across calls
class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0
    def __call__(self, x, scale=1):
        self.calls += 1
        return (x + self.n) * scale
add5 = Adder(5)
print(add5(1), add5(10, scale=2), add5(x=0), add5.calls)
print(list(map(add5, [1, 2, 3])), add5.calls)
print(sorted([3, -1, 2], key=Adder(-2)))
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
        self.misses = 0
    def __call__(self, n):
        if n not in self.cache:
            self.misses += 1
            self.cache[n] = self.fn(n)
        return self.cache[n]
def slow_fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib = Memo(slow_fib)
print(fib(80), fib.misses, fib(80), fib.misses, len(fib.cache))
class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        total = 0
        for c in self.coeffs:
            total = total * x + c
        return total
    def __repr__(self):
        return "Polynomial" + repr(self.coeffs)
p = Polynomial(2, -3, 1)
print(p, [p(x) for x in range(-2, 4)], p(0.5), p(10 ** 10))
class Pipeline:
    def __init__(self):
        self.steps = []
    def add(self, f):
        self.steps.append(f)
        return self
    def __call__(self, v):
        for s in self.steps:
            v = s(v)
        return v
pipe = Pipeline().add(lambda s: s.strip()).add(lambda s: s.upper()).add(Adder("!"))
print(repr(pipe("  hello ")))
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
    def __call__(self):
        return "counter #" + str(self.id)
cs = [Counter() for _ in range(3)]
print([c() for c in cs], Counter.count)
