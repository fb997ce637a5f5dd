# Generator expressions: laziness, single use, with builtins
g = (x * x for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))
print(min((x - 5) ** 2 for x in range(10)), sorted(c for c in "generator"))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1, 2]))
calls = []
def check(x):
    calls.append(x)
    return x > 2
print(any(check(x) for x in [1, 2, 3, 4, 5]), calls)
calls.clear()
print(all(check(x) for x in [3, 4, 1, 5]), calls)
pairs = list((i, j) for i in range(3) for j in range(i))
print(pairs)
print(dict((k, len(k)) for k in ["one", "three"]), set(x % 3 for x in range(10)))
print(tuple(c.upper() for c in "abc"), "-".join(str(i) for i in range(4)))
n = 3
gen = (x * n for x in range(3))
n = 10
print(list(gen))
src = [1, 2, 3]
lazy = (x * 2 for x in src)
src.append(4)
print(list(lazy))
nested = (sum(row) for row in [[1, 2], [3, 4], [5]])
print(list(nested))
evens = (x for x in range(20) if x % 2 == 0)
big = (x for x in evens if x > 10)
print(list(big))
print(sum(1 for _ in "hello world" if _ == "o"), list(x for x in []))
total = 0
for sq in (i * i for i in range(1, 6)):
    total += sq
    print("running", total)
print(sorted((x for x in [3, 1, 2]), reverse=True), list(zip((x for x in "ab"), range(5))))
print(max((len(s), s) for s in ["pear", "fig", "banana", "kiwi"]))
