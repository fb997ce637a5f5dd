# round, divmod, pow, abs across int and float
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.49999))
print(round(3.14159, 2), round(2.675, 2), round(-2.675, 2), round(1e-10, 5), round(123.456, -1))
print(round(15, -1), round(25, -1), round(35, -1), round(-15, -1), round(149, -2), round(150, -2), round(250, -2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, type(round(7, 1)).__name__)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(17.5, 5), divmod(-17.5, 5), divmod(5, 0.5), divmod(2 ** 70, 12345))
print(pow(2, 10), pow(2, -3), pow(2.5, 2), pow(4, 0.5), pow(-8, 3), pow(10, 0))
print(pow(2, 10, 1000), pow(3, 200, 13), pow(123456789, 987654321, 1000000007))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(0, 0, 7), pow(5, 0, 1))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-2 ** 100), abs(True))
print(2 ** 0.5, 10 ** -1, (-2) ** 2, -2 ** 2, 0 ** 0, 0.0 ** 0)
print(8 ** (1 / 3), 2 ** 62, 2 ** 63, 2 ** 64)
vals = [0.15, 0.25, 0.35, 0.45, 1.15, 2.5, 3.5]
print([round(v, 1) for v in vals])
print([round(v) for v in vals])
for x in [7, -7, 7.5, -7.5]:
    print(x, x // 2, x % 2, divmod(x, 2), -x // 2, round(x / 2))
print(sum(pow(i, 2) for i in range(10)), pow(2, 100) % 1000, pow(2, 100, 1000))
for base, exp, mod in [(3, 45, 1000), (10, 10, 7), (2 ** 70, 3, 10 ** 9), (-7, 5, 11)]:
    print(base, exp, mod, pow(base, exp, mod), pow(base, exp) % mod)
print(abs(-3.5) + abs(2), round(abs(-2.675), 2), divmod(abs(-9), 4))
