# enumerate and zip
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)))
print(list(enumerate(range(10, 13), start=-1)))
for i, (a, b) in enumerate(zip("xy", [1, 2])):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])), list(zip("a", "b", "c")))
print(dict(zip("abc", range(3))), list(zip(range(3), range(3, 6), range(6, 9))))
names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for name, age in zip(names, ages):
    print(name.ljust(4), age)
pairs = list(zip(names, ages))
n2, a2 = zip(*pairs)
print(pairs, n2, a2)
print([a * b for a, b in zip([1, 2, 3], [4, 5, 6])])
m = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*m)), [list(col) for col in zip(*m)])
print(list(zip(*zip(*m))))
e = enumerate("hi")
print(next(e), next(e), next(e, "done"))
z = zip(range(3), "abc")
print(next(z), list(z))
print(list(enumerate(zip("ab", "cd"))))
s = "hello"
print([i for i, c in enumerate(s) if c == "l"], {c: i for i, c in enumerate(s)})
diffs = [b - a for a, b in zip([1, 4, 9, 16], [4, 9, 16, 25])]
print(diffs)
prev_next = list(zip(s, s[1:]))
print(prev_next)
total = 0
for idx, val in enumerate([5, 10, 15], start=1):
    total += idx * val
    print(idx, val, total)
print(type(enumerate([])).__name__, type(zip()).__name__)
