# Nested comprehensions and scoping of comprehension variables
matrix = [[i * 4 + j for j in range(4)] for i in range(3)]
print(matrix)
print([[row[c] for row in matrix] for c in range(4)])
print([[v * 2 for v in row if v % 2] for row in matrix])
print([[(r, c) for c in range(r + 1)] for r in range(3)])
def mult_table(n):
    return [[a * b for b in range(1, n + 1)] for a in range(1, n + 1)]
for row in mult_table(5):
    print(" ".join(str(v).rjust(2) for v in row))
def uses_enclosing(k):
    offset = k * 10
    return [x + offset for x in range(k)]
print(uses_enclosing(3), uses_enclosing(0))
def nested_closure():
    base = 100
    fs = [lambda x, i=i: base + i + x for i in range(3)]
    base = 200
    return [f(1) for f in fs]
print(nested_closure())
i = "global i"
squares = [i * i for i in range(4)]
print(squares, i)
gen = list(i for i in "xy")
print(gen, i)
class Holder:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
print(Holder.doubled)
data = {"a": [1, 2], "b": [3], "c": []}
print({k: [x * x for x in v] for k, v in data.items()})
print([k for k, v in data.items() if v and sum(v) > 2])
print([[c for c in w if c not in "aeiou"] for w in ["banana", "sky"]])
grid = [[(x + y) % 2 for x in range(5)] for y in range(3)]
for row in grid:
    print("".join("#" if v else "." for v in row))
n = 4
print([[1 if r == c else 0 for c in range(n)] for r in range(n)])
print(sum([[1], [2, 3], [4]], []), [x for sub in [[1], [2, 3]] for x in sub])
