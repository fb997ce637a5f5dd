# Complex arithmetic over a table of operand pairs: ints, floats and complex numbers with
# zeros, negative zeros, infinities and NaNs on either side of + - * / ** (CPython 3.11
# widens a real operand to complex(x, 0.0) first), with the errors CPython raises.

inf = float("inf")
nan = float("nan")

values = [
    0, 1, -3, 2.5, -0.0, 0.0, inf, nan,
    0j, complex(-0.0, -0.0), 1j, -1j, 1 + 2j, -3.5 + 0.25j, complex(0.0, -0.0),
    complex(inf, 0), complex(0, inf), complex(inf, -inf), complex(nan, 1), complex(1, nan),
    complex(1e300, 1e300), complex(1e-310, -2e-310), 3 - 4j, 0.5 + 0.5j,
]

ops = [
    ("+", lambda a, b: a + b),
    ("-", lambda a, b: a - b),
    ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b),
]


def show(x):
    return repr(x)


for a in values:
    for b in values:
        if not (isinstance(a, complex) or isinstance(b, complex)):
            continue
        cells = []
        for name, f in ops:
            try:
                cells.append(show(f(a, b)))
            except (ZeroDivisionError, OverflowError, TypeError) as e:
                cells.append(type(e).__name__ + ": " + str(e))
        print(show(a), show(b), " | ".join(cells))

# Powers: the integer fast path (|n| <= 100), the polar form, zero bases.
bases = [0j, 1j, -1j, 1 + 1j, 2 - 3j, -0.5 + 0.5j, complex(1e-3, 2), 1.0000001 + 1e-7j, 3, -2.5, 0.0]
exps = [0, 1, 2, 3, -1, -2, 7, 100, 101, -100, 0.5, -0.5, 2.0, 1j, 1 + 1j, -2 - 0.5j, 1e3, complex(2, 0)]
for a in bases:
    for b in exps:
        if not (isinstance(a, complex) or isinstance(b, complex)):
            continue
        # The polar form of a base this close to 1 turns the last-bit differences between C
        # libraries (log, atan2, exp: x86-64's and AArch64's glibc) into differences in the 8th
        # digit; only the exact integer path is compared for it.
        if a == 1.0000001 + 1e-7j and not (type(b) is int and abs(b) <= 100):
            continue
        try:
            r = show(a ** b)
        except (ZeroDivisionError, OverflowError) as e:
            r = type(e).__name__ + ": " + str(e)
        print("pow", show(a), show(b), r)

for a, b in [(1e200 + 1e200j, 2), (10j, 400), (complex(inf, 0), 2), (2j, 1e10)]:
    try:
        print(a ** b)
    except OverflowError as e:
        print("OverflowError:", e)

print(pow(1 + 1j, 5), pow(2, 1j), pow(1j, -3))
try:
    pow(1j, 2, 3)
except ValueError as e:
    print("ValueError:", e)

# Unary operators and abs.
for z in values:
    if isinstance(z, complex):
        try:
            a = abs(z)
        except OverflowError as e:
            a = "OverflowError: " + str(e)
        print(show(-z), show(+z), a, bool(z), z.real, z.imag, show(z.conjugate()))
try:
    abs(complex(1e308, 1e308))
except OverflowError as e:
    print("OverflowError:", e)

# Operators complex numbers do not have.
for expr in ["1j // 2", "1j % 2", "2 // 1j", "divmod(1j, 2)", "1j & 1", "1j << 1", "~1j", "1j < 2j",
             "1j >= 1", "2 > 1j", "'a' + 1j", "[1] * 1j", "1j * 'ab'", "round(1j)", "int(1j)", "float(1j)",
             "'%d' % 1j", "'%f' % 1j", "math.floor(1j)", "1j @ 1j", "1 / 0j", "1.5 / (0j)", "1j / 0"]:
    try:
        import math
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)

# Comparisons with numbers.
pairs = [(1 + 0j, 1), (1 + 0j, 1.0), (1 + 0j, True), (0j, False), (1j, 1j), (complex(2 ** 53 + 1, 0), 2 ** 53 + 1),
         (complex(nan, 0), nan), (1 + 1j, 1), (1j, "1j"), (1j, None), (1j, [1j])]
for a, b in pairs:
    print(show(a), show(b), a == b, a != b, b == a, b != a)
print(1j in [1, 2, 1j], [1j, 2] == [1j, 2.0], (1 + 0j) in {1: "one"}, {1j: "x"}[1j])
print(sum([1j, 2j, 3]), sum([0.5, 1j], 1j), sum((complex(i, -i) for i in range(10)), 0j))

# In-place operators.
z = 1 + 1j
z += 1
z *= 2j
z -= 0.5
z /= 2
z **= 2
print(z)

# Fractions mix with complex numbers as floats do.
from fractions import Fraction
h = Fraction(1, 2)
print(h + 1j, 1j + h, h - 2j, 2j - h, h * (1 + 1j), (1 + 1j) * h, h / 1j, 1j / h, h ** 1j, 1j ** h)
print(h == 0.5 + 0j, 0.5 + 0j == h, h == 0.5 + 1j, complex(h), complex(h, h))
