# Dict subscripts and str comparisons a trace specializes: str and int keys, a missing key
# (KeyError caught in the loop), keys that compare equal across types (1, 1.0, True), instance
# keys whose __eq__ and __hash__ are Python code sharing a dict with str keys, stores that add
# and replace, and comparisons of non-ASCII strs.


class K:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        calls.append(self.name)
        return isinstance(other, K) and other.name == self.name


calls = []


def counts(words):
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
        d[w] = d[w] * 1
    return sorted(d.items())


def lookups(n):
    d = {"a": 1, 2: 20, "b": 3}
    total = 0
    misses = 0
    for i in range(n):
        key = "a" if i % 3 == 0 else (2 if i % 3 == 1 else "zz")
        try:
            total += d[key]
        except KeyError:
            misses += 1
        if i == n // 2:
            d[1.0] = 100
            d[True] = 7
        if i > n // 2:
            total += d[1]
    return total, misses, d[1], len(d)


def mixed_keys(n):
    d = {K("x"): 1, "x": 2, "y": 3}
    total = 0
    for i in range(n):
        total += d["x"] + d["y"]
        d["x"] = i % 5
    return total, d[K("x")], len(calls) > 0


def compare(n):
    words = ["apple", "Äpfel", "zebra", "éclair", "apple", "apples", ""]
    hits = [0, 0, 0, 0]
    for i in range(n):
        a = words[i % len(words)]
        b = words[(i * 3 + 1) % len(words)]
        if a == b:
            hits[0] += 1
        if a < b:
            hits[1] += 1
        if a >= b:
            hits[2] += 1
        if a != "apple":
            hits[3] += 1
    return hits


print(counts(["x", "y", "x", "z", "y", "x"] * 50))
print(lookups(600))
print(mixed_keys(300))
print(compare(700))


def membership(n):
    seen = {"a", "b", 3}
    d = {"k": 1, 5: 2}
    frozen = frozenset(["q", 9])
    hits = 0
    for i in range(n):
        w = "a" if i % 2 else "c"
        if w in seen:
            hits += 1
        if i % 7 not in d:
            hits += 2
        if "ell" in "hello" and "z" not in w:
            hits += 3
        if 9 in frozen and (i % 4) in seen:
            hits += 5
        if K("x") in {K("x")}:
            hits += 7
    return hits


print(membership(500))
