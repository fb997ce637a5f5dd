def work(rows, n):
    total = 0
    for step in range(n):
        for r in rows:
            total += r * step
        for k in range(3):
            total -= k
        total = total % 1000003
    return total

print(work([1, 2, 3, 4, 5, 6, 7], 20000))
