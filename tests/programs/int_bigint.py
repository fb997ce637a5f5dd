# Big integers beyond 64 bits
x = 2 ** 64
print(x, x - 1, x + 1)
print(2 ** 63 - 1, -2 ** 63, 2 ** 63)
y = 9223372036854775807
print(y + 1, y * 2, y * y)
print(-y - 1, -y - 2)
print(2 ** 100)
print(2 ** 100 // 3, 2 ** 100 % 3, -(2 ** 100) // 7, -(2 ** 100) % 7)
print(3 ** 80)
print((3 ** 80) // (2 ** 64))
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, b - a, a - b)
print(a * b)
print(b // a, b % a, divmod(b, a))
print(a == 123456789012345678901234567890, a < b, a > b, -a < -b)
print(2 ** 64 == 18446744073709551616, 2 ** 64 > 2 ** 63)
print(abs(-a), -a)
big = 1
for i in range(1, 26):
    big *= i
print("25! =", big)
print(big // 10 ** 10, big % 10 ** 10)
s = 0
for k in range(70):
    s += 2 ** k
print(s, s == 2 ** 70 - 1)
print(int("123456789012345678901234567890") + 1)
print(str(10 ** 30), len(str(10 ** 30)))
print(10 ** 20 / 10 ** 10, 2 ** 70 / 2)
print(hex(2 ** 70), bin(2 ** 65), oct(2 ** 66))
print(pow(2, 200, 10 ** 9 + 7), pow(3, 100))
print(2 ** 64 * 0, (2 ** 64) ** 2)
m = 2 ** 64 + 5
print(m % 10, m // 10, -m // 10, -m % 10)
print(max(2 ** 70, 2 ** 69), min(-2 ** 70, 5))
print(2 ** 64 - 2 ** 64, (2 ** 64) // (2 ** 64))
print(7 * 2 ** 62 + 7 * 2 ** 62)
