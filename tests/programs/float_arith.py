# float arithmetic, floor division and modulo semantics
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b)
print(7.0 // 0.5, 7.0 % 0.5, 7.3 % 1.0, -7.3 % 1.0)
print(1 + 2.0, 3 * 1.5, 10 / 4, 10 // 4.0, 2 ** 0.5, 9 ** 0.5)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(5.0 % 3, -5.0 % 3, 5 % -3.0, -5.0 % -3.0)
print(divmod(5.5, 2), divmod(-5.5, 2), divmod(5.5, -2))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(abs(-3.25), abs(3.25), -(-0.0), abs(-0.0))
print(float(3) == 3, 3.0 == 3, 0.1 == 1 / 10, hash(3.0) == hash(3))
print(1.0 < 2, 2.5 > 2, -1.5 < -1, 1e16 == 10 ** 16)
total = 0.0
for i in range(1, 11):
    total += 1 / i
    print(i, total)
print(3.0 * 4, 3.0 - 3, 8.0 / 2, type(8.0 / 2).__name__, type(8 / 2).__name__)
print(2 ** -1, 2.0 ** -1, (-8.0) ** 2, 0.0 ** 0)
print(max(1.5, 2), min(1.5, 2), max(-0.0, 0.0), sum([0.5, 0.25, 0.125]))
x = 10.0
x += 0.5
x *= 3
x -= 1
x /= 4
x //= 2
x %= 3
x **= 2
print(x)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.0 // 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.0 % 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
