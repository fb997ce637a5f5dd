# Tuples as lightweight records: returning multiple values, grouping, comparison
def stats(values):
    n = len(values)
    mean = sum(values) / n
    ordered = sorted(values)
    mid = n // 2
    median = ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    return n, mean, median, (ordered[0], ordered[-1])
n, mean, median, (lo, hi) = stats([4, 8, 15, 16, 23, 42])
print(n, mean, median, lo, hi)
print(stats([3, 1, 2]), stats([5]))
p = (3, 4)
q = (1, 7)
print(p + q, p < q, max(p, q), min([p, q, (3, 1)]))
def add(a, b):
    return tuple(x + y for x, y in zip(a, b))
print(add(p, q), add((1, 2, 3), (10, 20, 30)))
people = [("Ann", "Smith", 31), ("Bob", "Jones", 25), ("Cy", "Smith", 40), ("Di", "Adams", 25)]
for first, last, age in sorted(people, key=lambda t: (t[1], t[0])):
    print(last + ", " + first, age)
by_last = {}
for first, last, age in people:
    by_last.setdefault(last, []).append((first, age))
print(by_last)
oldest = max(people, key=lambda t: t[2])
print(oldest, oldest[0], oldest[-1])
ages = tuple(sorted({t[2] for t in people}))
print(ages, len(ages), 25 in ages, ages.index(31), ages.count(25))
swap = lambda t: (t[1], t[0])
print([swap(t) for t in [(1, "a"), (2, "b")]])
nested = ((1, (2, 3)), (4, (5, 6)))
print([a + b + c for a, (b, c) in nested])
edges = [(1, 2), (2, 3), (1, 3), (3, 4)]
deg = {}
for a, b in edges:
    deg[a] = deg.get(a, 0) + 1
    deg[b] = deg.get(b, 0) + 1
print(sorted(deg.items()), tuple(sorted(deg, key=lambda k: -deg[k])))
t = (1, [2, 3])
t[1].append(4)
print(t, len(t), t == (1, [2, 3, 4]))
empty = ()
print(empty == tuple(), len(empty), empty + (1,), bool(empty), bool((0,)))
