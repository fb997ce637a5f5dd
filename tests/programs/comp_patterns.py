# Comprehensions inside functions and methods, calling functions, conditional values
def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))
print([n for n in range(50) if is_prime(n)])
print([(n, n * n) for n in range(10) if n % 3 == 0])
class Inventory:
    def __init__(self, items):
        self.items = items
        self.threshold = 5
    def low(self):
        return [name for name, qty in self.items.items() if qty < self.threshold]
    def restock_plan(self, amount):
        return {name: self.threshold - qty + amount for name, qty in self.items.items() if qty < self.threshold}
    def totals(self):
        return sum(qty for qty in self.items.values())
inv = Inventory({"bolts": 3, "nuts": 12, "washers": 0, "screws": 5})
print(inv.low(), inv.restock_plan(2), inv.totals())
def grid_neighbors(r, c, rows, cols):
    return [(r + dr, c + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)
            if (dr or dc) and 0 <= r + dr < rows and 0 <= c + dc < cols]
print(grid_neighbors(0, 0, 3, 3))
print(len(grid_neighbors(1, 1, 3, 3)), grid_neighbors(2, 1, 3, 3))
words = ["Python", "rust", "Go", "haskell", "C", "java"]
print([w.upper() if len(w) <= 2 else w.lower() for w in words])
print({w[0].lower(): w for w in words})
print([len(w) for w in words if w[0].isupper()], sum(len(w) for w in words))
print([[i for i in range(n)] for n in range(5)])
print([x for x in [y * 2 for y in range(10)] if x % 3 == 0])
print(sorted({x % 7 for x in range(100) if x % 2 == 0}))
offset = 100
print([x + offset for x in range(3)], (lambda k: [k * x for x in range(4)])(3))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[::-1] for row in matrix[::-1]], [matrix[i][i] for i in range(3)])
print({i: {j: i * j for j in range(1, 4) if j != i} for i in range(1, 4)})
pairs = [(a, b) for a in range(1, 6) for b in range(a, 6) if (a + b) % 4 == 0]
print(pairs, len(pairs))
text = "one two three two one four"
print({w: text.split().count(w) for w in text.split()})
print([i for i, w in enumerate(text.split()) if w == "two"])
print([c * i for i, c in enumerate("abcd", 1)], "".join([c for c in "a-b-c" if c != "-"]))
