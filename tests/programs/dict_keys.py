# dict key semantics: equal numbers share a key, tuples as keys
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d[0] = "zero"
d[False] = "false"
d[0.0] = "zerof"
print(d)
d[2 ** 64] = "big"
d[-1] = "neg"
print(d[2 ** 64], d[-1], d.get(2.0 ** 64), 18446744073709551616 in d)
t = {(0, 0): "origin", (1, 0): "east", (0, 1): "north"}
print(t[(0, 0)], t[1, 0], (0, 1) in t, (1, 1) in t)
grid = {}
for x in range(3):
    for y in range(2):
        grid[x, y] = x * 10 + y
print(grid)
print([grid[x, 1] for x in range(3)])
nested_key = {((1, 2), (3, 4)): "nested", (): "empty", ("a",): "single"}
print(nested_key, nested_key[()])
s = {"": 0, "a": 1, "A": 2, " a": 3}
print(s, s["A"])
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError", e)
try:
    d[{1: 2}] = 2
except TypeError as e:
    print("TypeError", e)
try:
    d[(1, [2])] = 2
except TypeError as e:
    print("TypeError", e)
try:
    print(d[99])
except KeyError as e:
    print("KeyError", e, e.args)
try:
    print(t[(5, 5)])
except KeyError as e:
    print("KeyError", e, e.args)
try:
    print(s["missing"])
except KeyError as e:
    print("KeyError", e, repr(e))
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)))
