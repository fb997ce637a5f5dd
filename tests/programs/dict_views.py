# dict views are live, iterable, and support len / in
d = {"x": 1, "y": 2}
ks = d.keys()
vs = d.values()
its = d.items()
print(len(ks), len(vs), len(its), "x" in ks, 2 in vs, ("y", 2) in its, ("y", 3) in its)
d["z"] = 3
print(list(ks), list(vs), list(its))
del d["x"]
print(list(ks), list(vs), list(its), len(ks))
for k in d.keys():
    print("key", k)
for v in d.values():
    print("value", v)
for k, v in d.items():
    print("item", k, v)
print(sorted(d.values(), reverse=True), sum(d.values()), max(d.keys()))
scores = {"ann": 90, "bob": 72, "cid": 85, "dee": 90}
print(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print([k for k, v in scores.items() if v >= 85])
print(dict(sorted(scores.items())))
best = max(scores, key=lambda k: scores[k])
print(best, scores[best])
print(list(reversed(list(scores))), list(enumerate(scores)))
ks2 = list(scores.keys())
for k in ks2:
    if scores[k] < 80:
        del scores[k]
print(scores)
for k in list(scores):
    scores[k + "!"] = scores[k] // 10
print(len(scores))
nums = {i: i * i for i in range(6)}
print(nums.keys(), nums.values())
print(sorted(nums.items(), key=lambda kv: -kv[1])[:3])
a = {1: "a", 2: "b"}
b = {2: "b", 1: "a"}
print(a == b, list(a) == list(b))
