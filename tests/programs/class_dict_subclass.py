class DefaultDict(dict):
    def __init__(self, factory, *args, **kw):
        super().__init__(*args, **kw)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
d = DefaultDict(list)
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, len(d), "a" in d, "z" in d, sorted(d), list(d.items()), d.get("zz"))
print(isinstance(d, dict), type(d).__name__, d == {"a": [1, 2], "b": [3]}, {"a": [1, 2], "b": [3]} == d, d != {})
class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, it):
        for x in it:
            self[x] += 1
        return self
c = Counter().add("abracadabra")
print(c, c["a"], c["q"], bool(c), bool(Counter()))
del c["a"]
print(c, c.pop("b"), c)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
u = Upper()
u["x"] = 1
print(u, u["X"], u["x"])
class Plain(dict):
    pass
p = Plain(a=1, b=2)
p.extra = "attr"
print(p, p.extra, dict(p), {**p, "c": 3}, Plain([("z", 0)]))
for k, v in p.items():
    print(k, v)
try:
    hash(p)
except TypeError as e:
    print(e)
try:
    Plain()["nope"]
except KeyError as e:
    print("KeyError", e)
r = Plain()
r["self"] = r
print(r)
try:
    class Both(dict, list):
        pass
except TypeError as e:
    print(e)
from collections import OrderedDict, Counter, defaultdict
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
print(D.fromkeys("ab", 1), type(D.fromkeys("a", 3)).__name__, dict.fromkeys("xy"), OrderedDict.fromkeys("ab", 0))
class C(dict): pass
c = C(a=1)
print(c | {"b": 2}, type(c | {}).__name__, {"z": 0} | c, type({} | c).__name__)
c |= {"q": 5}
c |= [("r", 6)]
print(c, type(c).__name__)
d = {"a": 1, "b": 2}
e = {"b": 2, "a": 1}
print(d.keys() == e.keys(), d.keys() == {"a", "b"}, {"a", "b"} == d.keys(), d.items() == {("a", 1), ("b", 2)}, d.keys() != {"a"}, d.keys() < {"a", "b", "c"}, d.values() == e.values(), d.keys() == ["a", "b"], d.items() == e.items(), d.keys() <= d.keys())
