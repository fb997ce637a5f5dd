# Set comprehensions (ints only so the printed order is deterministic)
print({x % 5 for x in range(20)})
print({x * x for x in range(-4, 5)})
print({x for x in range(50) if x % 7 == 0})
print({a * b for a in range(1, 5) for b in range(1, 5)})
print({len(w) for w in "a bb ccc dd e".split()})
print(sorted({w.lower() for w in ["A", "a", "B", "b", "c"]}))
s = {n // 3 for n in range(12)}
print(s, len(s), 3 in s, 4 in s)
print({(x, y) for x in range(2) for y in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
primes = {p for p in range(2, 40) if all(p % d for d in range(2, p))}
print(primes, sorted(primes))
composites = set(range(2, 40)) - primes
print(len(composites), min(composites), max(composites))
digits = {int(c) for c in str(2 ** 50)}
print(digits, 2 ** 50)
print({-x for x in range(5)}, {x for x in []}, {0 for _ in range(10)})
evens = {x for x in range(0, 20, 2)}
threes = {x for x in range(0, 20, 3)}
print(evens & threes, evens - threes)
print({x * 100 for x in range(5)}, {x + 1000 for x in range(3)})
