# set algebra: union, intersection, difference, symmetric difference, subsets
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([10, 11], (12,)), a.intersection(range(3, 10)), a.difference([1], [2]))
print({1, 2}.issubset(a), {1, 9}.issubset(a), a.issubset(a), set().issubset(a))
print(a.issuperset({1, 2}), a.issuperset({0}))
print({1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {5}, a > a)
print(a.isdisjoint({8, 9}), a.isdisjoint(b))
c = set(a)
c |= {8}
print(c)
c &= {1, 2, 8, 9}
print(c)
c -= {2}
print(c)
c ^= {1, 3}
print(c)
d = {1, 2, 3}
d.update([3, 4], {5})
print(d)
evens = set(range(0, 20, 2))
threes = set(range(0, 20, 3))
print(evens & threes, evens | threes)
print(evens - threes, evens ^ threes)
print(len(evens | threes), sorted(evens ^ threes)[:4])
x = {1, 2}
y = x
y |= {3}
print(x, x is y)
z = x | {4}
print(x, z)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError", e)
try:
    hash({1, 2})
except TypeError as e:
    print("TypeError", e)
print(set([1, 2]) == {1, 2}, {1, 2, 3} - {1, 2, 3}, set() | set())
