# Dict comprehensions
print({x: x * x for x in range(6)})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print({v: k for k, v in {"x": 1, "y": 2, "z": 3}.items()})
print({w: len(w) for w in "the quick brown fox".split() if len(w) > 3})
print({i: [j for j in range(i)] for i in range(4)})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({c: "aeiou".count(c) > 0 for c in "hello"})
scores = {"ann": 81, "bob": 64, "cy": 95, "di": 72}
grades = {n: ("A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F") for n, s in scores.items()}
print(grades)
passed = {n: s for n, s in scores.items() if s >= 70}
print(passed, len(passed))
inverted = {}
for n, g in grades.items():
    inverted.setdefault(g, []).append(n)
print(inverted)
print({n: sorted(v) for n, v in {"odd": [5, 1, 3], "even": [4, 2]}.items()})
print({x % 4: x for x in range(10)})
keys = ["a", "b", "c"]
vals = [1, 2, 3]
print({k: v for k, v in zip(keys, vals)}, dict(zip(keys, vals)) == {k: v for k, v in zip(keys, vals)})
print({str(i): i ** 3 for i in range(-2, 3)})
nested = {outer: {inner: outer * inner for inner in range(1, 3)} for outer in range(1, 4)}
print(nested, nested[3][2])
print({k: v for k, v in sorted(scores.items(), key=lambda kv: kv[1])})
d = {x: None for x in []}
print(d, {True: 1, 1: 2, 1.0: 3})
print({i: chr(65 + i) for i in range(5)})
