# Tuples built only to be taken apart at once (`return a, b` unpacked by the caller, nested
# targets), which the optimizer never allocates, in hot loops whose guards fail while such a tuple
# is pending: an int that overflows, a value that turns float, a division by zero, a tuple that
# sometimes escapes into a list, an unpacking of the wrong length, and an error at the end.


def pair(a, b):
    return a + b, a - b


def trio(a):
    return a, a * 2, a * 3


def eight(a):
    return a, a + 1, a + 2, a + 3, a + 4, a + 5, a + 6, a + 7


def swapped(a, b):
    return b, a


def passes_on(a, b):
    return swapped(a, b)


def unpacking(n, x):
    total = 0
    for i in range(n):
        s, d = pair(i, x)
        (p, q), r = pair(i, 3), x * 2
        a, b, c = trio(i)
        e0, e1, e2, e3, e4, e5, e6, e7 = eight(i)
        u, v = passes_on(i, s)
        total += s + d + p + q + r + a + b + c + e0 + e3 + e7 + u - v
        if i == n // 2:
            x = 2 ** 62
        if i == n - 5:
            x = 2.5
    return total


def escapes(n):
    kept = []
    for i in range(n):
        t = pair(i, 1)
        if i % 7 == 0:
            kept.append(t)
        a, b = t
        (c, d), e = swapped(a, b), i
        kept.append(c - d + e)
    return len(kept), kept[:3], kept[-3:], sum(x for x in kept if type(x) is int)


def same_slot(n):
    # The same local twice in one target: the last item wins.
    for i in range(n):
        a, a = pair(i, 1)
    return a


def dividing(n):
    out = []
    for i in range(n):
        try:
            (p, q), r = swapped(i, -i), 100 // (n // 2 - i)
            out.append(p + q + r)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out[n // 2 - 2:n // 2 + 2], out[-3:], len(out)


def wrong_length(n):
    seen = 0
    for i in range(n):
        t = trio(i) if i < n - 1 else pair(i, 0)
        try:
            a, b, c = t
            seen += a + b + c
        except ValueError as e:
            print("ValueError:", e)
    return seen


def many(n):
    total = 0
    for i in range(n):
        w = (i, i + 1, i + 2, i + 3, i + 4)
        a, b, c, d, e = w
        f, g, h, j, k, m = (i, i, i, i, i, i)
        total += a + e + f + m
        x, y, z, t = eight(i)[2:6]
        total += x + t
    return total


print(unpacking(1000, 1))
print(unpacking(300, 7))
print(escapes(500))
print(same_slot(400))
print(dividing(400))
print(wrong_length(300))
print(many(600))


def fails(n):
    for i in range(n):
        (p, q), r = pair(i, 1), 1000 // (n - 100 - i)
    return p


fails(500)
