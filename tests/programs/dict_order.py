# Insertion order guarantees: update, delete and re-insert, popitem LIFO
d = {}
for k in ["delta", "alpha", "charlie", "bravo"]:
    d[k] = len(k)
print(list(d), list(d.values()))
d["alpha"] = 0
print(list(d))
del d["delta"]
d["delta"] = 99
print(list(d.items()))
d.update({"echo": 4, "alpha": 1})
print(d)
print(d.popitem(), d.popitem(), list(d))
nums = {}
for i in [5, 3, 8, 1, 9, 2]:
    nums[i] = i * i
print(nums, list(nums.keys()))
nums.pop(8)
nums[8] = 64
print(list(nums))
copy = dict(nums)
print(copy == nums, list(copy) == list(nums))
rev = {k: nums[k] for k in reversed(list(nums))}
print(rev, rev == nums, list(rev) == list(nums))
s = {}
s.setdefault("z", []).append(1)
s.setdefault("a", []).append(2)
s.setdefault("z", []).append(3)
print(s)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, list(counts))
by_count = dict(sorted(counts.items(), key=lambda kv: kv[1]))
print(by_count)
merged = {**{"x": 1, "y": 2}, **{"y": 3, "z": 4}, "w": 5}
print(merged, list(merged))
keys = list(merged)
for k in keys:
    if merged[k] % 2:
        del merged[k]
print(merged)
big = {i: str(i) for i in range(100)}
for i in range(0, 100, 3):
    del big[i]
print(len(big), list(big)[:10], list(big)[-3:])
