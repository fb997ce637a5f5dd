# round() with and without ndigits, banker's rounding
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005]:
    print(repr(v), round(v), round(v, 1), round(v, 2))
print(round(3.14159, 0), round(3.14159, 1), round(3.14159, 3), round(3.14159, 10))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(-0.4), round(-0.6), round(0.0), round(-0.0, 1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
print(round(0.125, 2), round(0.375, 2), round(0.1 + 0.2, 15), round(0.1 + 0.2, 16))
print(round(1e20), round(1.5e16), round(123456789.987654321, 4))
print(round(2.5e-5, 5), round(7.45, 1), round(7.55, 1), round(-7.45, 1))
for d in range(6):
    print(d, round(2 / 3, d), round(-2 / 3, d), round(12345.6789, d))
for n in range(-3, 4):
    print(n, round(n + 0.5), round(n - 0.5), round(n * 0.25 + 0.125, 2))
print(round(5), round(5, 2), round(-15, -1), round(25, -1))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError", e)
print(round(float("inf"), 2), round(float("nan"), 2))
