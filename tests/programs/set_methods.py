# More set methods and set-based algorithms with ints
s = {5, 3, 9}
s.update(range(3))
print(s, len(s))
s.intersection_update({0, 1, 2, 3, 10})
print(s)
s.difference_update([0])
print(s)
s.symmetric_difference_update({1, 7})
print(s)
t = {1, 2, 3}
print(t.issubset(range(5)), t.issuperset([1, 2]), t.isdisjoint([4, 5]))
print(t.union(), t.intersection(), t.difference(), t == t.copy())
popped = []
u = {40, 10, 30, 20}
while u:
    popped.append(u.pop())
print(popped, u)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
a = set(range(0, 30, 3))
b = set(range(0, 30, 5))
c = set(range(0, 30, 7))
print(a & b & c, sorted(a | b | c), len(a ^ b ^ c))
print(sorted((a | b) - c), sorted(a - b - c))
def jaccard(x, y):
    return len(x & y) / len(x | y)
print(jaccard({1, 2, 3}, {2, 3, 4}), jaccard(a, b), jaccard(set(), {1}))
seen = set()
order = []
for n in [4, 8, 4, 15, 16, 8, 23, 42, 15]:
    if n not in seen:
        order.append(n)
    seen.add(n)
print(order, len(seen), sorted(seen))
cover = {}
for i in range(1, 13):
    cover[i] = {d for d in range(1, i + 1) if i % d == 0}
print(cover[12], cover[7], [i for i in cover if len(cover[i]) == 2])
print({1, 2} < {1, 2, 3} < {1, 2, 3, 4}, {1} > set(), set() == set())
print(max({3, 8, 1}), min({3, 8, 1}), sum({1, 2, 3, 3}), sorted({-1, 5, 0}))
