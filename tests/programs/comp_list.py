# List comprehensions with nested for and if clauses
print([x for x in range(10)])
print([x * x for x in range(10) if x % 2 == 0])
print([x for x in range(30) if x % 2 if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([(x, y) for x in range(4) if x > 1 for y in "ab"])
print([x + y for x in "ab" for y in "12"])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([c for c in "Hello World" if c.isupper()])
print([w[::-1] for w in "abc def ghi".split()])
print([n if n % 2 else -n for n in range(8)])
print(["fizz" if i % 3 == 0 else i for i in range(1, 10)])
words = ["apple", "Bob", "cat", "Dog", "eel"]
print([w.lower() for w in words if w[0].isupper()])
print([len(w) for w in words], [w for w in words if len(w) == 3])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 1])
print([v for row in matrix for v in row if v % 2 == 1])
print([[row[i] for row in matrix] for i in range(3)])
print([sum(row) for row in matrix], sum([sum(row) for row in matrix]))
x = "outer"
res = [x for x in range(3)]
print(res, x)
print([i for i in range(5)][::-1], [[]for _ in range(3)])
triples = [(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20)
           if a * a + b * b == c * c]
print(triples)
print([(i, s) for i, s in enumerate("xyz") if i != 1])
print([k + "=" + str(v) for k, v in {"a": 1, "b": 2}.items()])
print([f(3) for f in [lambda x: x + 1, lambda x: x * 2, abs]])
print([y for y in [x * 2 for x in range(5)] if y > 2])
flat = [item for sub in [[1, 2], [], [3], [4, 5, 6]] for item in sub]
print(flat, len(flat))
print([str(n) for n in range(-2, 3)], [bool(n) for n in range(-1, 2)])
