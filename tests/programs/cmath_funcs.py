# cmath over a grid of inputs, printed with repr so every bit shows: each function follows
# CPython's Modules/cmathmodule.c (rescalings, log1p near the unit circle, overflow guards,
# C99 special values for infinities and NaNs) and calls the same C library functions.
import cmath
import math

inf = float("inf")
nan = float("nan")

reals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -3.25, 1e-5, 700.0, -710.0, 1e200]
grid = [complex(a, b) for a in reals for b in reals]
special = [complex(a, b) for a in [inf, -inf, nan, 0.0, -0.0, -2.0, 1.5] for b in [inf, -inf, nan, 0.0, -0.0, 2.0]]
tiny = [complex(5e-324, 0), complex(1e-310, 1e-310), complex(-3e-320, 2e-315), complex(1e308, 1e308),
        complex(-1e308, 1e308), complex(1.0000000001, 0), complex(0.8, 0.6), complex(1, 1e-200), complex(1, -1e-200)]

names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos", "atan",
         "asinh", "acosh", "atanh"]


def call(f, z):
    try:
        return repr(f(z))
    except (ValueError, OverflowError) as e:
        return type(e).__name__ + ": " + str(e)


for name in names:
    f = getattr(cmath, name)
    print("==", name)
    for z in grid + special + tiny:
        print(repr(z), call(f, z))

print("== phase, polar, abs")
for z in grid[::3] + special + tiny:
    print(repr(z), repr(cmath.phase(z)), call(cmath.polar, z), call(abs, z))

print("== rect")
for r in [0.0, -0.0, 1.0, -2.0, 1e300, inf, -inf, nan]:
    for phi in [0.0, -0.0, 0.5, -1.0, math.pi, 1e10, inf, nan]:
        try:
            print(r, phi, repr(cmath.rect(r, phi)))
        except ValueError as e:
            print(r, phi, "ValueError:", e)

print("== log with a base")
for z in [1 + 1j, 8, 100, 0.5j, -1, 0, 1e-300j]:
    for base in [2, 10, 1j, 1 + 1j, math.e, 1, 0]:
        print(repr(z), repr(base), call(lambda x: cmath.log(x, base), z))

print("== predicates")
for z in [0j, 1 + 1j, complex(inf, 0), complex(0, -inf), complex(nan, 0), complex(inf, nan), 2, 2.5, inf, nan]:
    print(repr(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))

print("== isclose")
for a, b, kw in [(1 + 1j, 1 + 1j, {}), (1 + 1j, 1 + 1.000000001j, {}), (1 + 1j, 1 + 1.0001j, {}),
                 (1 + 1j, 1 + 1.0001j, {"rel_tol": 1e-3}), (0j, 1e-10j, {}), (0j, 1e-10j, {"abs_tol": 1e-9}),
                 (complex(inf, 0), complex(inf, 0), {}), (complex(inf, 0), complex(-inf, 0), {}),
                 (complex(nan, 0), complex(nan, 0), {}), (1, 1.0 + 0j, {})]:
    print(repr(a), repr(b), kw, cmath.isclose(a, b, **kw))
try:
    cmath.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print("ValueError:", e)

print("== constants")
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.pi == math.pi, type(cmath.infj), cmath.infj.imag)

print("== conversions")
class C:
    def __complex__(self):
        return 3 + 4j

class F:
    def __float__(self):
        return 0.25

class I:
    def __index__(self):
        return 4

print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(-4), cmath.sqrt(True), cmath.exp(2 ** 9))
for bad in ["1j", None, [1], "x"]:
    try:
        cmath.sqrt(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    cmath.sqrt()
except TypeError as e:
    print("TypeError:", e)
try:
    cmath.exp(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
