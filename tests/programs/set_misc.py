# sets used for algorithms: dedupe, graph reachability, membership
def unique_in_order(seq):
    seen = set()
    out = []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
print(unique_in_order([5, 3, 5, 1, 3, 9, 1]))
print(unique_in_order("abracadabra"))
edges = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [], 6: [1], 7: [8], 8: []}
def reachable(start):
    seen = {start}
    todo = [start]
    while todo:
        n = todo.pop()
        for m in edges[n]:
            if m not in seen:
                seen.add(m)
                todo.append(m)
    return seen
for n in (1, 5, 7):
    print(n, sorted(reachable(n)))
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    key = "".join(sorted(w))
    groups.setdefault(key, []).append(w)
print(sorted(groups.values()))
letters = set("hello world") - {" "}
print(sorted(letters), len(letters))
common = set("apple") & set("pleasant")
print(sorted(common))
primes = set(range(2, 50))
for p in range(2, 8):
    primes -= set(range(p * p, 50, p))
print(sorted(primes))
print({n % 5 for n in range(100)}, {n // 10 for n in range(35)})
a = [1, 2, 3, 4]
b = [3, 4, 5]
print(sorted(set(a) & set(b)), sorted(set(a) ^ set(b)))
print(len(set([(i % 3, i % 2) for i in range(12)])))
