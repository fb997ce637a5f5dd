# Functions as values: passing, returning, storing
def apply_twice(f, x):
    return f(f(x))
def add3(x):
    return x + 3
print(apply_twice(add3, 10), apply_twice(lambda s: s + s, "ab"))
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
pipeline = compose(str, lambda x: x * 2, add3)
print(repr(pipeline(4)))
def my_map(f, xs):
    return [f(x) for x in xs]
def my_filter(p, xs):
    return [x for x in xs if p(x)]
def my_reduce(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
    return acc
data = list(range(1, 11))
print(my_map(add3, data))
print(my_filter(lambda n: n % 3 == 0, data))
print(my_reduce(lambda a, b: a * b, data, 1), my_reduce(lambda a, b: a + [b * b], data, []))
handlers = {}
def register(name, fn):
    handlers[name] = fn
register("upper", lambda s: s.upper())
register("rev", lambda s: s[::-1])
register("len", len)
for name in ["upper", "rev", "len"]:
    print(name, handlers[name]("stitch"))
def memoize(f):
    cache = {}
    calls = [0]
    def wrapper(n):
        if n not in cache:
            calls[0] += 1
            cache[n] = f(n)
        return cache[n]
    return wrapper, calls
def slow_square(n):
    return n * n
fast, calls = memoize(slow_square)
print([fast(i % 4) for i in range(10)], calls[0])
def make_ops():
    return [abs, str, len, sorted, sum]
for op in make_ops():
    arg = [3, -1, 2] if op in (sorted, sum, len) else -5
    print(op.__name__, op(arg))
def counter_factory():
    n = 0
    def get():
        return n
    def incr():
        nonlocal n
        n += 1
    return get, incr
g, i = counter_factory()
i(); i(); i()
print(g())
print(sorted(["b", "A", "c"], key=lambda s: s.upper()))
print(list(map(str, [1, 2.5, None])), list(map(int, ["4", "5"])), list(map(len, ["", "ab"])))
