# dict creation, access, update, delete, membership, insertion order
d = {"b": 2, "a": 1, "c": 3}
print(d, len(d), d["a"], "a" in d, "z" in d, "z" not in d)
d["d"] = 4
d["a"] = 100
print(d)
del d["b"]
print(d, list(d))
d["b"] = 2
print(d)
e = dict(x=1, y=2)
f = dict([("k1", "v1"), ("k2", "v2")])
g = dict(zip(range(3), "abc"))
h = dict(e, z=3)
print(e, f, g, h, dict(), {})
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "=>", v)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
counts2 = {}
for w in "a b a c b a".split():
    if w in counts2:
        counts2[w] += 1
    else:
        counts2[w] = 1
print(counts2)
print(d == {"a": 100, "c": 3, "d": 4, "b": 2}, {1: 2} == {1: 2.0}, {1: 2} != {2: 1})
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"], nested)
nested["outer"]["inner"].append(3)
nested["outer"]["new"] = {}
print(nested)
m = {}
m[(1, 2)] = "tuple"
m[3.5] = "float"
m[None] = "none"
m[-7] = "neg"
print(m, m[(1, 2)], m[None])
x = {"n": 1}
x["n"] += 5
x["n"] *= 2
print(x)
print({i: i * i for i in range(5)})
print(len({}), bool({}), bool({0: 0}))
