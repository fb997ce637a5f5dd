import math
from fractions import Fraction
xs = [0.0, 0.5, -1.5, 3.0, 1e-10, 20.0, -0.0]
# (Twelve significant digits for the C library's functions: its last bit may differ between
# machines; frexp and modf are exact.)
def g(v):
    return None if v is None else float(f"{v:.12g}")
for x in xs:
    print(x, g(math.erf(x)), g(math.erfc(x)), g(math.expm1(x)), g(math.log1p(x) if x > -1 else None), g(math.asinh(x)), math.frexp(x), math.modf(x), g(math.cbrt(x)))
print(math.ldexp(0.75, 4), math.ldexp(1.0, -1074), math.ldexp(5, 2))
for f in [lambda: math.ldexp(1.0, 2000), lambda: math.acosh(0.5), lambda: math.atanh(1), lambda: math.expm1(1000), lambda: math.comb(-1, 2), lambda: math.ldexp(1.0, 2.5)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2], start=2), math.prod([Fraction(1, 2), 3]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.comb(10, 3), math.comb(100, 50), math.perm(5, 2), math.perm(5), math.perm(3, 5), math.lcm(4, 6, 10), math.lcm(), math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]))
print(math.floor(Fraction(7, 2)), math.ceil(Fraction(7, 2)), math.trunc(Fraction(-7, 2)), math.sqrt(Fraction(1, 4)), math.exp2(10), g(math.atanh(0.5)), g(math.acosh(2)))
class Num:
    def __float__(self): return 2.25
print(math.sqrt(Num()), math.floor(Num()) if False else math.sin(Num()))
