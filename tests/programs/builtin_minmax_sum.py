# min, max (with key and default), sum (with start)
print(min(3, 1, 2), max(3, 1, 2), min([4, -1, 7]), max((4, -1, 7)), min("hello"), max("hello"))
print(min([1.5, 1, True]), max([0, False]), min([False, 0]), max(2 ** 70, 1e20))
words = ["kiwi", "fig", "banana", "apple", "date"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max(words, key=lambda w: w[-1]), min(words, key=lambda w: (len(w), w)))
print(max([], default=None), min([], default="empty"), max([5], default=0))
print(min(range(10), key=lambda x: (x - 6) ** 2), max(range(-5, 5), key=abs))
print(max([3, 3, 1], key=lambda x: 0), min([(1, "b"), (1, "a")]))
d = {"a": 3, "b": 7, "c": 5}
print(max(d), max(d, key=lambda k: d[k]), min(d.values()), max(d.items(), key=lambda kv: kv[1]))
print(sum([1, 2, 3]), sum([]), sum((0.5, 0.25)), sum(range(101)), sum([1, 2], 10))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True, False]))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([2 ** 64, 2 ** 64]))
print(sum(x * x for x in range(10)), sum(map(len, words)))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
try:
    min()
except TypeError as e:
    print("TypeError", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError", e)
nums = [8, 3, 9, 1, 9, 2]
print(nums.index(max(nums)), nums.index(min(nums)))
pairs = [(2, "x"), (9, "y"), (9, "a"), (1, "z")]
print(max(pairs), min(pairs), max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[1]))
print(max(-0.0, 0.0), min(0.0, -0.0), max(float("nan"), 1), max(1, float("nan")))
