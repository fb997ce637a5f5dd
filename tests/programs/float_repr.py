# repr/str of floats: shortest round-trip representation
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -1.0, 0.0, -0.0, 1.5, 100.0, 1e16, 1e15,
        123456789.0, 1234567890123456.0, 12345678901234567.0, 1e22, 1e-5, 1e-4,
        0.0001, 0.00001, 1.5e-07, 3.14159, 2.5e-300, 1.7976931348623157e308,
        5e-324, 1e100, -1e-100, 0.3, 2.0 / 3.0, 1 / 3, 10 / 4, 1e21, 1e20,
        9007199254740993.0, 0.1 * 3, 4.35, 1.1 * 1.1, 100.0 / 3.0]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"))
print(repr(float("inf")), repr(-float("inf")), repr(float("nan")))
print([0.1, -0.0, 1e16, float("inf")])
print((1.5,), {1.5: 2.5})
print(1e16 + 1, 1e16 * 10, 1e300 * 1e10)
print(2.0 ** 0.5, 2.0 ** 52, 2.0 ** 53, 2.0 ** 60, 2.0 ** -20)
print(3.0 * 1e-8, 1e-7 / 3, 12e5, 12e15, 12e16)
print(float(10 ** 16), float(10 ** 15), float(2 ** 70))
print(0.5, .5, 5., 1_000.25)
x = 1.0
for i in range(8):
    x /= 10
    print(i, x)
y = 1.0
for i in range(8):
    y *= 37.5
    print(i, y)
