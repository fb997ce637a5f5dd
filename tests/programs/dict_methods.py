# dict methods: get setdefault pop popitem keys values items update copy clear
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))
print(d.setdefault("a", 50), d.setdefault("e", 5), d.setdefault("f"), d)
print(d.pop("f"), d.pop("zz", "default"), d)
print(d.popitem(), d)
print(d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
d.update({"b": 20, "x": 9})
print(d)
d.update([("y", 10), ("a", -1)])
print(d)
d.update(z=26, b=200)
print(d)
c = d.copy()
c["new"] = 1
print(len(d), len(c), "new" in d)
c.clear()
print(c, d)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError", e)
inv = {}
for k, v in {"one": 1, "uno": 1, "two": 2}.items():
    inv.setdefault(v, []).append(k)
print(inv)
print(dict([(k, None) for k in [1, 2, 3]]), {k: 0 for k in "ab"})
stack = {"first": 1, "second": 2, "third": 3}
while stack:
    k, v = stack.popitem()
    print("popped", k, v, len(stack))
print(d.keys(), d.values())
print(d.items())
