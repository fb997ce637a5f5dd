# repr/str, hash, attributes, format() and f-string format specs of complex numbers,
# including negative zeros, infinities and NaNs, and the constructor's parsing and errors.

inf = float("inf")
nan = float("nan")

parts = [0.0, -0.0, 1.0, -1.0, 2.5, 1e16, 1e-5, 123456789.125, 1e300, 5e-324, inf, -inf, nan, 1 / 3]
for re in parts:
    for im in parts:
        z = complex(re, im)
        print(repr(z), str(z), z.real, z.imag)

print(1j, 2j, -2j, 0j, -0j, 1.5e3j, 1e100j, 10000000000000000.0j, .5j, 1_0j)
print((1 + 2j), (-0.0 - 0j), -(0j), 0 - 0j, complex(-0.0), complex(0, -0.0))
print([1j, (1 + 1j)], (2j,), {1j: 1j}, {3j})

# hash: equal to an equal int or float; the imaginary part weighted by 1000003.
for z in [0j, 1 + 0j, -1 + 0j, 2.5 + 0j, 1j, -1j, 1 + 1j, 3.25 - 7.5j, complex(1e300, -1e-300),
          complex(inf, 0), complex(0, -inf), complex(2 ** 61, 1)]:
    print(repr(z), hash(z))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(-1 + 0j), hash(complex(-1, 0)))
print(len({1, 1.0, 1 + 0j, 2j, 2j, complex(0, 2)}))

# format() and f-strings.
specs = ["", "g", "f", ".2f", "10", "<20", ">20.3", "^25.4e", "*^30", "+", "-", " ", "+.3g", "E", "G",
         ".0f", "#g", "#.0f", ",", "_.2f", "20,.2f", "n", ".3n", "z.1f", "z", "r>15"]
values = [1 + 2j, -1.5 - 2.25j, 2j, -0.0 - 0j, 0j, complex(1234567.891, -0.000012345), complex(inf, nan),
          complex(-inf, -inf), complex(-0.0, 3), complex(1e20, 1e-20)]
for z in values:
    cells = []
    for spec in specs:
        try:
            cells.append(format(z, spec))
        except ValueError as e:
            cells.append("ValueError: " + str(e))
    print(repr(z), cells)
for spec in ["010", "=10", "0<10", "d", "%", "x", "c", "s", ",d", ".2%"]:
    try:
        print(format(1 + 2j, spec))
    except ValueError as e:
        print(spec, "ValueError:", e)
z = 3 - 4j
print(f"{z}", f"{z!r}", f"{z!s:>12}", f"{z:.1f}", f"{z.real:.1f}", f"{z.imag:+.2f}", f"{abs(z):.3}")
print("%s %r" % (z, z), "{} {:.2f} {!r:>10}".format(z, z, 1j), str(1j).center(9, "*"))
try:
    print("%d" % z)
except TypeError as e:
    print("TypeError:", e)
try:
    print("%.2f" % z)
except TypeError as e:
    print("TypeError:", e)

# Attributes of ints and floats as numbers.
print((5).real, (5).imag, (5).conjugate(), (2.5).real, (2.5).imag, (2.5).conjugate(), True.real, True.imag)
print((1 + 2j).conjugate(), (1j).real, type((1j).imag), (1j).__complex__(), complex.conjugate(3 + 4j))
print(type(1j), type(1j) is complex, isinstance(1j, complex), isinstance(1, complex), issubclass(complex, object))
print(complex.__name__, complex, type(1j).__name__)

# The constructor.
class WithComplex:
    def __complex__(self):
        return 4 - 1j

class WithFloat:
    def __float__(self):
        return 2.5

class WithIndex:
    def __index__(self):
        return 7

class BadComplex:
    def __complex__(self):
        return 1.5

args = [(), (1,), (2.5,), (True,), (1j,), (1 + 2j, 3), (1, 1j), (1j, 1j), (-0.0,), (0.0, -0.0), (1, -0.0),
        (WithComplex(),), (WithComplex(), 1), (WithFloat(),), (WithFloat(), WithIndex()), (WithIndex(),),
        (10 ** 20,), (2 ** 1000, 1), ("1+2j",), (None,), ([],), (1, None), (1, "2"), ("1", 2), (BadComplex(),),
        (b"1",), (1, [1])]
for a in args:
    try:
        print(a.__class__.__name__, len(a), repr(complex(*a)))
    except (TypeError, ValueError, OverflowError) as e:
        print(len(a), type(e).__name__ + ":", e)
print(complex(real=1, imag=2), complex(imag=3), complex(real=1j), complex(1, imag=-1))
for kw in [{"real": 1, "x": 2}, {"imag": "1"}, {"real": "1", "imag": 0}]:
    try:
        print(complex(**kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    complex(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

strings = ["1", "1j", "1J", "+1j", "-1j", "j", "+j", "-j", "1+j", "1-j", "1+2j", "1-2J", "-1.5e3+2.5e-3j",
           "  3.0 + 4j", " 3+4j ", "(1+2j)", " ( 1+2j ) ", "(1+2j", "1+2j)", "()", "(j)", "inf", "-infj",
           "infinity+nanj", "nan-nanj", "NaN+InFj", "1e500", "1e500j", "-1e500-1e500j", "1_000.5+2_0j",
           "1__0j", "_1j", "1_j", "1e1_0", ".5j", "5.j", "1e", "1e+j", "1ej", "e1j", "1.2.3", "1+2", "2j+1",
           "1+2jj", "j1", "", " ", "\t1j\n", "\u20031+1j\u2003", "1+2j ", "0x1j", "1 j", "+", "-", "--1", "1+-2j",
           "١٢j", "nanj", "-0j", "-0-0j", "0.0-0.0j"]
for s in strings:
    try:
        print(repr(s), repr(complex(s)))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
