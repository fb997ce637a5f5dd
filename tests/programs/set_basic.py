# set basics: printing order of small ints, add/discard/remove, membership
print({3, 1, 2})
print({10, 100, 7, 33})
print({5, 4, 3, 2, 1, 0}, {-1, -2, 3}, {0, 8, 16, 32, 64})
print(set(), set([1, 1, 2, 2, 3]), set(range(10, 0, -2)), len({1, 1, 1}))
s = {1, 2, 3}
s.add(4)
s.add(2)
print(s, len(s), 3 in s, 9 in s, 9 not in s)
s.discard(1)
s.discard(100)
print(s)
s.remove(4)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
print({1, 2} == {2, 1}, {1, 2} != {1, 3}, {1, 2, 3} == set([3, 2, 1]))
print({1.0, 1, True}, {0, False, 0.0}, len({1.0, 1, True}))
seen = set()
dups = []
for n in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    if n in seen:
        dups.append(n)
    else:
        seen.add(n)
print(seen, dups)
print(sorted({"pear", "apple", "fig"}), len({"a", "b", "a"}))
t = set()
for i in range(20):
    t.add(i * 7 % 11)
print(t)
print({(1, 2), (1, 2), (2, 1)} == {(2, 1), (1, 2)})
c = s.copy()
c.add(99)
print(s, c)
c.clear()
print(c, bool(c), bool(s))
u = {100, 200, 300}
print(u.pop() in {100, 200, 300}, len(u))
print(sum({1, 2, 3}), max({4, 9, 2}), min({4, 9, 2}), sorted({9, 7, 8}, reverse=True))
print(set("aaa"), {2 ** 70, 2 ** 70}, {-5, 5, -0})
