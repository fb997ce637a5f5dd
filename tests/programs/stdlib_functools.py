# functools, the bundled Python module: reduce, partial, lru_cache/cache, wraps, total_ordering,
# cmp_to_key, singledispatch.
import functools
from functools import reduce, partial, lru_cache, cache, wraps, update_wrapper, total_ordering, cmp_to_key


def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '-> %s: %s' % (type(e).__name__, e))


print('--- reduce')
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 8), 1))
print(reduce(lambda a, b: a + b, [], 'init'), reduce(lambda a, b: a + b, ['x']))
print(reduce(lambda acc, w: acc + len(w), 'one two three'.split(), 0))
print(reduce(max, (x * 7 % 11 for x in range(20))), reduce(lambda a, b: [b] + a, 'abc', []))
attempt('empty', lambda: reduce(lambda a, b: a + b, []))
attempt('empty gen', lambda: reduce(lambda a, b: a + b, iter(())))

print('--- partial')
def power(base, exp, mod=None):
    if mod is None:
        return base ** exp
    return pow(base, exp, mod)
square = partial(power, exp=2)
cube = partial(power, exp=3)
two_to = partial(power, 2)
print(square(5), cube(3), two_to(10), two_to(10, mod=1000), square(7, mod=10))
print(square.func is power, square.args, square.keywords, two_to.args, two_to.keywords)
p2 = partial(two_to, 5)
print(p2(), p2.func is power, p2.args, p2.keywords)
p3 = partial(square, mod=7)
print(p3(4), p3.keywords, p3.func is power)
print(square(3, exp=4))
basetwo = partial(int, base=2)
print(basetwo('10010'), list(map(partial(max, 0), [-3, 5, -1, 7])))
joiner = partial('-'.join)
print(joiner(['a', 'b']))
attempt('not callable', lambda: partial(1))
print(sorted(['b', 'A', 'c'], key=partial(str.lower)))
class Cls:
    def method(self, a, b):
        return (a, b)
print(partial(Cls().method, 1)(2))

print('--- lru_cache')
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(calls), fib.cache_info())
print(fib.cache_info().hits, fib.cache_info().misses, fib.cache_info().maxsize, fib.cache_info().currsize)
fib.cache_clear()
print(fib.cache_info(), fib(10), fib.cache_info())
print(fib.__name__, fib.__wrapped__(1), fib.cache_parameters())

@lru_cache
def bare(x):
    return x * 2
print(bare(3), bare(3), bare.cache_info(), bare.__name__)

@lru_cache()
def empty_parens(x):
    return x
print(empty_parens(1), empty_parens.cache_info())

@lru_cache(maxsize=2)
def small(x):
    calls.append(x)
    return x * 10
calls = []
for x in [1, 2, 1, 3, 2, 1, 1, 4]:
    small(x)
print(calls, small.cache_info())

@lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())

@lru_cache(maxsize=-5)
def negative(x):
    return x
print(negative(1), negative(1), negative.cache_info())

@lru_cache(maxsize=32, typed=True)
def typed_f(x):
    calls.append(x)
    return x
calls = []
typed_f(1)
typed_f(1.0)
typed_f(1)
print(calls, typed_f.cache_info())

@lru_cache(maxsize=32)
def untyped(x):
    calls.append(x)
    return x
calls = []
print(untyped(1), untyped(1.0), untyped(True), calls)

@lru_cache(maxsize=None)
def kwfunc(a, b=0, *, c=1):
    calls.append((a, b, c))
    return a + b + c
calls = []
print(kwfunc(1), kwfunc(1, 2), kwfunc(1, b=2), kwfunc(1, c=5), kwfunc(1, c=5), kwfunc(a=1))
print(calls, kwfunc.cache_info())

@lru_cache(maxsize=None)
def tuple_arg(t):
    return sum(t)
print(tuple_arg((1, 2)), tuple_arg((1, 2)), tuple_arg.cache_info())
attempt('unhashable', lambda: tuple_arg([1, 2]))
attempt('bad maxsize', lambda: lru_cache('x'))

class Thing:
    def __init__(self, k):
        self.k = k

    @lru_cache(maxsize=None)
    def expensive(self, n):
        return self.k * n

    def __hash__(self):
        return self.k

    def __eq__(self, other):
        return self.k == other.k
t = Thing(3)
print(t.expensive(4), t.expensive(4), Thing(3).expensive(4), Thing.expensive.cache_info())

@cache
def fact(n):
    return n * fact(n - 1) if n else 1
print(fact(20), fact.cache_info(), fact(5), fact.cache_info().hits)

@lru_cache(maxsize=100)
def collatz(n):
    if n == 1:
        return 0
    return 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)
print(max(range(1, 3000), key=collatz), collatz.cache_info().currsize)

def grid_paths(r, c):
    @lru_cache(None)
    def go(i, j):
        if i == 0 or j == 0:
            return 1
        return go(i - 1, j) + go(i, j - 1)
    return go(r, c)
print(grid_paths(16, 16))

print('--- wraps')
def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print('calling', func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    return a + b
print(add(1, b=2), add.__name__, add.__wrapped__(3, 4))

def plain(x):
    return x
def other(*a):
    return plain(*a)
r = update_wrapper(other, plain)
print(r is other, other.__name__, other.__wrapped__ is plain)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

def counted(func):
    @wraps(func)
    def inner(*a):
        inner.count += 1
        return func(*a)
    inner.count = 0
    return inner

@counted
def sq(x):
    return x * x
print([sq(i) for i in range(4)], sq.count, sq.__name__)

print('--- total_ordering')
@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return 'V%d.%d' % (self.major, self.minor)
a, b, c = Version(1, 2), Version(1, 3), Version(1, 2)
print(a < b, a <= b, a > b, a >= b, a == c, a <= c, a >= c, a > c, b > a, b >= a)
print(sorted([Version(2, 0), Version(1, 5), Version(1, 0)]), max(a, b), min(a, b))
attempt('vs int', lambda: a >= 1)
attempt('vs int le', lambda: a <= 1)

@total_ordering
class ByLe:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __le__(self, other):
        return self.v <= other.v
x, y = ByLe(1), ByLe(2)
print(x < y, x > y, x >= y, y >= x, x < ByLe(1), x >= ByLe(1))

@total_ordering
class ByGt:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __gt__(self, other):
        return self.v > other.v
x, y = ByGt(1), ByGt(2)
print(x < y, x <= y, x >= y, y >= x, x <= ByGt(1), x < ByGt(1))

@total_ordering
class ByGe:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __ge__(self, other):
        return self.v >= other.v
x, y = ByGe(1), ByGe(2)
print(x < y, x <= y, x > y, y > x, x <= ByGe(1), x > ByGe(1))

def no_order():
    @total_ordering
    class Nothing:
        pass
attempt('no root', no_order)

print('--- cmp_to_key')
def compare(a, b):
    return (a > b) - (a < b)
def by_len_then_rev(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return compare(b, a)
print(sorted([5, 2, 4, 1, 3], key=cmp_to_key(compare)))
print(sorted([5, 2, 4, 1, 3], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(['bb', 'a', 'ccc', 'aa', 'c'], key=cmp_to_key(by_len_then_rev)))
K = cmp_to_key(compare)
print(K(1) < K(2), K(1) == K(1), K(2) >= K(1), K(3) <= K(1), K(3) > K(1), K(1).obj)
print(min([3, 1, 2], key=cmp_to_key(compare)), max('hello', key=cmp_to_key(compare)))
try:
    hash(K(1))
except TypeError:
    print('unhashable KeyWrapper')
def largest_number(nums):
    strs = [str(n) for n in nums]
    strs.sort(key=cmp_to_key(lambda a, b: compare(b + a, a + b)))
    return ''.join(strs)
print(largest_number([3, 30, 34, 5, 9]))

print('--- singledispatch')
@functools.singledispatch
def describe(x):
    return 'object %r' % (x,)

@describe.register(int)
def _(x):
    return 'int %d' % x

@describe.register(list)
def _(x):
    return 'list of %d' % len(x)

def describe_str(x):
    return 'str %s' % x
describe.register(str, describe_str)
print(describe(1), describe(True), describe([1, 2]), describe('s'), describe(1.5), describe(None))
print(describe.dispatch(bool) is describe.dispatch(int), describe.dispatch(float) is describe.__wrapped__)
class Base:
    pass
class Derived(Base):
    pass
describe.register(Base, lambda x: 'a Base')
print(describe(Derived()), describe(Base()))

print('--- through methods and classes')
class T:
    @lru_cache(maxsize=None)
    def m(self, x):
        return x * 2
t = T()
print(t.m(1), t.m(1), t.m.cache_info(), t.m.__wrapped__.__name__, T.m.__name__)
class U:
    p = partial(max, 0)
print(U().p(5), U.p(-3))

print('--- cached_property')
class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print('computing area')
        return 3 * self.r * self.r
ci = Circle(2)
print(ci.area, ci.area, Circle(1).area)
ci.area = 100
print(ci.area)
ci2 = Circle(3)
ci2.r = 4
print(ci2.area, ci2.area)
