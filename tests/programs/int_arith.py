# Integer arithmetic: + - * / // % ** with mixed signs
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(a ** 2, b ** 3, 2 ** 0, 0 ** 0)
print(2 ** -1, 10 ** -2)
print(7 / 7, type(7 / 7).__name__)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(0 // 5, 0 % 5, -0)
print(+a, -a, --a, -(-a))
print(1 + 2 * 3 - 4, (1 + 2) * (3 - 4))
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2)
print(100 // 7 * 7 + 100 % 7)
for x in range(-6, 7, 3):
    for y in (-4, -3, 3, 4):
        print(x, y, x // y, x % y, divmod(x, y))
total = 0
for i in range(1, 101):
    total += i * i
print("sum of squares", total)
n = 1
for i in range(10):
    n = n * 3 + 1
    print(i, n)
print(123456789 * 987654321)
print(1000000007 % 97, 2**31 - 1, -2**31)
print(abs(-42), abs(0), abs(42))
