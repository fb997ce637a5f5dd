# Sorting records stored as tuples
rows = [("cara", 25, 3.5), ("abe", 31, 2.0), ("bo", 25, 4.0), ("dee", 19, 3.5), ("eli", 31, 1.5)]
print(sorted(rows))
print(sorted(rows, key=lambda r: r[1]))
print(sorted(rows, key=lambda r: (r[1], r[0])))
print(sorted(rows, key=lambda r: (-r[2], r[0])))
print(sorted(rows, key=lambda r: r[2], reverse=True))
by_age = {}
for name, age, score in rows:
    by_age.setdefault(age, []).append(name)
for age in sorted(by_age):
    print(age, by_age[age])
oldest = max(rows, key=lambda r: r[1])
youngest = min(rows, key=lambda r: r[1])
print(oldest, youngest)
avg = sum(r[2] for r in rows) / len(rows)
print(avg)
ranked = sorted(rows, key=lambda r: r[2], reverse=True)
for i, (name, age, score) in enumerate(ranked, 1):
    print(i, name, age, score)
pairs = [(b, a) for a, b in enumerate("hello")]
print(sorted(pairs))
intervals = [(5, 8), (1, 3), (2, 4), (9, 10), (7, 9)]
intervals.sort()
merged = [intervals[0]]
for s, e in intervals[1:]:
    ls, le = merged[-1]
    if s <= le:
        merged[-1] = (ls, max(le, e))
    else:
        merged.append((s, e))
print(intervals)
print(merged)
