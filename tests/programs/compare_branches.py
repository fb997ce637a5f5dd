# Comparisons branched on in hot loops, which the optimizer fuses into one guard per operator:
# every operator on ints and floats, both directions of each branch, `not`, chained comparisons,
# while loops, and floats that turn NaN (where `not a < b` differs from `a >= b`) or infinite.

nan = float("nan")
inf = float("inf")


def ints(n):
    counts = [0] * 12
    for i in range(n):
        j = (i * 7) % 13
        if i < j:
            counts[0] += 1
        if i <= j:
            counts[1] += 1
        else:
            counts[2] += 1
        if j == 5:
            counts[3] += 1
        if j != 5:
            counts[4] += 1
        if i > j:
            counts[5] += 1
        if not i >= j:
            counts[6] += 1
        if 3 < j < 9:
            counts[7] += 1
        if j > 10 or j < 2:
            counts[8] += 1
        if not (j == 4):
            counts[9] += 1
    return counts


def floats(xs):
    counts = [0] * 13
    for x in xs:
        y = 0.5
        if x < y:
            counts[0] += 1
        if x <= y:
            counts[1] += 1
        else:
            counts[2] += 1
        if x == y:
            counts[3] += 1
        if x != y:
            counts[4] += 1
        if x > y:
            counts[5] += 1
        else:
            counts[6] += 1
        if not x >= y:
            counts[7] += 1
        if not x < y:
            counts[8] += 1
        if not x == y:
            counts[9] += 1
        if not x != y:
            counts[10] += 1
        if 0.0 < x <= 1.0:
            counts[11] += 1
        if x >= -inf:
            counts[12] += 1
    return counts


def countdown(n, step):
    steps = 0
    x = float(n)
    while x > 0.0:
        x -= step
        steps += 1
    k = n
    while k != 0:
        k -= 1
        steps += 1
    return steps, x


values = [i / 100 for i in range(300)]
print(ints(2000))
print(floats(values))
print(floats(values[:150] + [nan] * 50 + values[150:] + [inf, -inf, nan]))
print(floats([0.5] * 400 + [nan, 0.5, nan]))
print(countdown(500, 0.25))
print(countdown(300, nan))
