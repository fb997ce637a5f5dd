# math.gcd, math.factorial and integer-valued helpers
from math import gcd, factorial, floor, ceil, sqrt, isinf, isnan, pi
print(gcd(12, 18), gcd(17, 5), gcd(0, 9), gcd(0, 0), gcd(-12, 18), gcd(2 ** 100, 6 ** 50))
print([factorial(n) for n in range(11)])
print(factorial(20), factorial(21), factorial(30))
print(factorial(50))
print(len(str(factorial(100))), str(factorial(100))[:20], factorial(100) % 10 ** 9 == 0)
def lcm(a, b):
    return a * b // gcd(a, b)
acc = 1
for k in range(1, 21):
    acc = lcm(acc, k)
print("lcm 1..20 =", acc)
def comb(n, k):
    return factorial(n) // (factorial(k) * factorial(n - k))
print([comb(10, k) for k in range(11)], comb(52, 5), comb(100, 50))
def isqrt_newton(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
for n in [0, 1, 15, 16, 17, 10 ** 20, 2 ** 127]:
    r = isqrt_newton(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1))
print(floor(sqrt(99)), ceil(sqrt(99)), floor(-pi), ceil(pi))
print(isinf(float(factorial(170))), factorial(170) > 10 ** 306)
try:
    float(factorial(171))
except OverflowError as e:
    print("OverflowError", e)
try:
    factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
fracs = [(6, 8), (10, 25), (7, 13), (100, 75)]
for a, b in fracs:
    g = gcd(a, b)
    print(str(a) + "/" + str(b), "=", str(a // g) + "/" + str(b // g))
