# sort / sorted with key and reverse, stability
a = [5, 2, 9, 1, 5, 6, -3, 0]
b = sorted(a)
print(a, b)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig", "apple"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (len(w), w)))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a"), (2, "c")]
print(sorted(pairs))
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
people = [("amy", 30), ("bob", 25), ("cat", 30), ("dan", 25), ("eve", 35)]
people.sort(key=lambda p: p[1])
print(people)
people.sort(key=lambda p: p[1], reverse=True)
print(people)
fl = [3.5, -1.25, 2.0, 1e10, -1e-5, 0.0]
print(sorted(fl), sorted(fl, key=abs))
mixed = [3, 1.5, True, 0, -2.5]
print(sorted(mixed))
print(sorted("hello world"), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}))
print(sorted([[2, 1], [1, 2], [1], []]))
print(sorted(range(10), key=lambda x: (x % 3, -x)))
big = [2 ** 70, -2 ** 65, 5, 2 ** 64]
print(sorted(big))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
r = list(range(20))
r.sort(key=lambda x: x % 4)
print(r)
print(sorted([]), sorted([], reverse=True), sorted([1]))
