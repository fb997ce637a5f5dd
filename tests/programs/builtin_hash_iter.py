# hash() of ints and int tuples, iter(), next() with defaults
for v in [0, 1, -1, -2, 42, 2 ** 31, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, -(2 ** 61), 10 ** 30, -(10 ** 30)]:
    print(v, hash(v))
for t in [(), (0,), (1,), (1, 2), (2, 1), (1, 2, 3), ((1, 2), (3, 4)), (-1, -2), (2 ** 64, 0), (True, 1)]:
    print(t, hash(t))
print(hash(True), hash(False), hash(1) == hash(1.0), hash((1, 2)) == hash((1.0, 2.0)))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "end"), next(it, None))
s = iter("ab")
print(next(s), next(s), next(s, "!"))
r = iter(range(2))
print(list(r), list(r))
t = iter((5,))
print(iter(t) is t, next(t))
d = iter({"x": 1, "y": 2})
print(list(d))
class Box:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
b = Box([3, 2, 1])
print(list(b), sorted(b), max(b), list(iter(b)))
it = iter(b)
print(next(it), next(it), list(it))
try:
    hash([1])
except TypeError as e:
    print("TypeError", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
try:
    iter(42)
except TypeError as e:
    print("TypeError", e)
try:
    next(iter([]))
except StopIteration:
    print("StopIteration raised")
nums = iter(range(10))
first_even_over_4 = next((n for n in nums if n > 4 and n % 2 == 0), None)
print(first_even_over_4, next(nums), list(nums))
print(next((x for x in [] if x), "no match"))
