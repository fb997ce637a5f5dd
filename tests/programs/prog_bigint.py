# Big integer computations: powers, factorials, Fibonacci, digit sums
print(2 ** 100)
print(2 ** 128 - 1)
print(3 ** 100)
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(factorial(30))
print(factorial(52))
f100 = factorial(100)
print(len(str(f100)), sum(int(d) for d in str(f100)))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(150))
print(fib(300))
print(fib(300) % 1000000007, fib(300) // fib(299))
print(fib(151) * fib(149) - fib(150) ** 2)
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print(collatz_len(2 ** 100 + 1), collatz_len(factorial(25) + 1))
n = 2 ** 200
print(n // 3 ** 50, n % 3 ** 50, -n // 7, -n % 7)
print(pow(2, 1000, 10 ** 20), pow(7, 10 ** 18, 10 ** 9 + 9))
x = 1
for i in range(1, 40):
    x = x * 31 + i
print(x, len(bin(x)) - 2)
print(int("9" * 50) + 1, int("9" * 50) * int("9" * 50))
print(10 ** 40 // 7, 10 ** 40 % 7, divmod(-10 ** 40, 13))
print(hex(2 ** 100), oct(3 ** 40), bin(2 ** 70 + 1))
digits = [int(c) for c in str(2 ** 1000)]
print(len(digits), sum(digits))
catalan = [1]
for k in range(1, 60):
    catalan.append(catalan[-1] * 2 * (2 * k - 1) // (k + 1))
print(catalan[10], catalan[30], catalan[59])
print(-(2 ** 64) * (2 ** 64), (-(2 ** 64)) ** 3, abs(-(3 ** 90)))
print(2 ** 64 == 18446744073709551616, 2 ** 64 < 2 ** 64 + 1, 2 ** 100 > 10 ** 30)
