# A small Mandelbrot set computed with complex numbers in hot loops (so the JIT records
# traces whose binary operations have complex operands), plus a few loops mixing ints,
# floats and complex numbers in the same operation sites.


def escape(c, limit):
    z = 0j
    for n in range(limit):
        z = z * z + c
        if abs(z) > 2.0:
            return n
    return limit


def picture(width, height, limit):
    rows = []
    total = 0
    for y in range(height):
        row = []
        for x in range(width):
            c = complex(-2.0 + 2.6 * x / width, -1.2 + 2.4 * y / height)
            n = escape(c, limit)
            total += n
            row.append(" .:-=+*#%@"[n * 9 // limit])
        rows.append("".join(row))
    return rows, total


rows, total = picture(48, 20, 40)
print("\n".join(rows))
print("total iterations:", total)

# The same site sees ints, then floats, then complex numbers.
acc = 0
for v in [1, 2, 3.5, 1j, 2 - 1j, 4, 0.25j] * 30:
    acc = acc + v
    acc = acc * 1
print(acc)

# A loop whose operand turns complex partway (a side exit from a float trace).
x = 1.0
for i in range(200):
    if i == 150:
        x = complex(x, 1)
    x = x * 1.001 - 0.0005
print(x)

# Roots of unity and a product that must come back to one.
n = 12
roots = [complex(1, 0)]
w = complex(0.8660254037844387, 0.5)
for k in range(1, n):
    roots.append(roots[-1] * w)
p = 1 + 0j
for r in roots:
    p *= r
print(roots[3], roots[6], p)
s = 0j
for r in roots:
    s += r / (1 + r * r.conjugate())
print(s)

# Powers in a loop, division in a loop.
z = 0.5 + 0.5j
out = []
for k in range(-5, 6):
    out.append(z ** k)
print(out)
q = 1 + 0j
for k in range(1, 40):
    q = q / (1 + 1j / k)
print(q, abs(q), q == q, q != q + 0)
