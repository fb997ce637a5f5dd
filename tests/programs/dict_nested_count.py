# Nested dict structures: grouping, counting, aggregation
records = [
    ("north", "apples", 12), ("south", "pears", 7), ("north", "pears", 3),
    ("east", "apples", 5), ("south", "apples", 9), ("north", "apples", 4),
    ("east", "plums", 11), ("south", "pears", 2),
]
by_region = {}
for region, fruit, qty in records:
    if region not in by_region:
        by_region[region] = {}
    inner = by_region[region]
    inner[fruit] = inner.get(fruit, 0) + qty
print(by_region)
for region in sorted(by_region):
    fruits = by_region[region]
    total = sum(fruits.values())
    print(region, total, sorted(fruits.items()))
totals = {}
for region, fruit, qty in records:
    totals[fruit] = totals.get(fruit, 0) + qty
print(totals)
ranking = sorted(totals, key=lambda f: totals[f], reverse=True)
print(ranking)
matrix = {}
for region, fruit, qty in records:
    matrix.setdefault(fruit, {}).setdefault(region, []).append(qty)
print(matrix)
lengths = {k: len(v) for k, v in matrix.items()}
print(lengths)
flat = {(r, f): q for r, f, q in records}
print(flat)
print(len(flat), flat[("north", "apples")])
index = {}
for i, (r, f, q) in enumerate(records):
    index.setdefault(q % 3, []).append(i)
print(index)
merged = dict(by_region["north"])
for k, v in by_region["south"].items():
    merged[k] = merged.get(k, 0) + v
print(merged)
