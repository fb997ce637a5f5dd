# tuple count/index, comparison, hashing of int tuples, tuples as keys
t = (3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5)
print(t.count(5), t.count(1), t.count(8), t.index(4), t.index(5), t.index(5, 5))
try:
    t.index(42)
except ValueError as e:
    print("ValueError", e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,), (1, 2) == (1, 2))
print((1, "a") < (1, "b"), (0, 5) <= (0, 5), (3, 4) != (4, 3))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) != hash((2, 1)))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)), hash((-1, 0)))
print(hash((0,)), hash(((1, 2), 3)), hash((2 ** 64, 1)), hash((True, False)))
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64))
print(hash(10 ** 20), hash(-(10 ** 20)), hash(123456789))
cache = {}
def binom(n, k):
    if (n, k) in cache:
        return cache[(n, k)]
    if k == 0 or k == n:
        r = 1
    else:
        r = binom(n - 1, k - 1) + binom(n - 1, k)
    cache[(n, k)] = r
    return r
print(binom(30, 15), binom(60, 30), len(cache))
pts = {(0, 0), (1, 1), (0, 0), (2, 2)}
print(len(pts), sorted(pts))
print(max([(2, "b"), (2, "a"), (1, "z")]), min([(2, "b"), (2, "a"), (1, "z")]))
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2, 3))))
print((1, 2, 3) == [1, 2, 3], list((1, 2)) == [1, 2])
