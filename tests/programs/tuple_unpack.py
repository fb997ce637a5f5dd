# Unpacking: tuples, lists, nested, starred, swaps
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
h2, *m2, t2 = (1, 2)
print(h2, m2, t2)
(a1, *a2), b1 = [1, 2, 3], 4
print(a1, a2, b1)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for (x1, y1), z1 in [((1, 2), 3), ((4, 5), 6)]:
    print(x1 + y1 + z1)
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print(nums, names)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 8, 1, 9])
print(lo, hi)
res = minmax("hello")
print(res, type(res).__name__)
fib = [0, 1]
a, b = 0, 1
for _ in range(10):
    a, b = b, a + b
    fib.append(b)
print(fib)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i = 0
i, lst[i] = 1, 99
print(i, lst)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError", e)
print([*range(3), *"ab"], (*[1, 2], 3), [*(), *[]])
