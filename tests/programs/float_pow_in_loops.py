# Float powers in hot loops: the trace computes x ** y in machine code, and leaves for the
# interpreter where Python raises (0.0 to a negative power, a result too large), mid-loop.

def norms(points):
    total = 0.0
    for x, y in points:
        total += (x * x + y * y) ** 0.5
    return total


def inverse_cubes(values):
    out = []
    for v in values:
        out.append(v ** -1.5)
    return out


def mixed(n):
    acc = 0.0
    for i in range(1, n):
        acc += i ** 0.25 + 2.0 ** (i % 7) + (i * 0.5) ** 2
    return acc


def risky(values, e):
    results = []
    for v in values:
        try:
            results.append(v ** e)
        except ZeroDivisionError as err:
            results.append("zero: " + str(err))
        except OverflowError as err:
            results.append("overflow: " + str(err))
    return results


pts = [(float(i), float(i % 13) - 6.5) for i in range(400)]
print(round(norms(pts), 6))
cubes = inverse_cubes([1.0 + i / 7.0 for i in range(300)])
print(round(sum(cubes), 9), cubes[0], cubes[-1])
print(round(mixed(500), 6))
vals = [2.0 + i for i in range(250)] + [0.0] + [3.0] * 5 + [1e200] + [1.5]
r = risky(vals, -2.0)
print(r[0], r[249], r[250], r[251])
r = risky(vals, 2.0)
print(r[255], r[256], r[257])
print((-8.0) ** 3.0, (-2.0) ** -2.0, 0.0 ** 0.0, 1.0 ** float("inf"), float("nan") ** 0.0)
