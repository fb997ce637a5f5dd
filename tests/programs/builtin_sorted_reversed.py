# sorted and reversed on various iterables
print(sorted([3, 1, 2]), sorted((3, 1, 2)), sorted("cba"), sorted({3: 0, 1: 0}), sorted({5, 2, 9}))
print(sorted(range(5, 0, -1)), sorted(x % 4 for x in range(9)))
print(sorted([3, 1, 2], reverse=True), sorted("Hello", key=lambda c: c.lower()))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=lambda s: s.lower()))
print(sorted([-5, 3, -1, 2], key=abs), sorted([-5, 3, -1, 2], key=abs, reverse=True))
data = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
orig = [4, 2, 3]
s = sorted(orig)
print(orig, s, s is orig)
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(4))))
print("".join(reversed("stressed")), list(reversed([])))
r = reversed([10, 20, 30])
print(next(r), list(r))
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(list(d))), list(reversed(list(d.values()))))
print(sorted([[3, 1], [2], [2, 0], []]), sorted([(1, 2), (1,), (0, 9)]))
print(sorted([1.5, 1, 0.5, True, 2 ** 65, -3]))
print(sorted(["10", "9", "100", "1"]), sorted(["10", "9", "100", "1"], key=int))
print(sorted("the quick brown fox".split(), key=len))
print(sorted("bob alice carol dave".split(), key=lambda n: n[::-1]))
nums = list(range(10))
print(sorted(nums, key=lambda n: (n % 2, -n)))
try:
    sorted([1, None])
except TypeError as e:
    print("TypeError", e)
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)
