# divmod, pow (incl. 3-arg), abs, round on ints
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 3), (10 ** 20, 7)]:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(0, 0))
print(pow(3, 4, 5), pow(2, 100, 1000), pow(7, 0, 13), pow(-3, 3, 7))
print(pow(5, 117, 19), pow(12345, 6789, 10 ** 9 + 7))
print(pow(2, 64, 2 ** 64 + 1))
print(pow(3, -1, 7), pow(2, -1, 9))
print(abs(-7), abs(7), abs(-2 ** 70))
print(round(7), round(-7), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(15, -1), round(25, -1), round(-25, -1), round(5, -1))
print(divmod(7.5, 2), divmod(-7.5, 2))
print(17 ** 17)
print((-1) ** 1001, (-1) ** 1000)
def ipow(b, e):
    r = 1
    while e > 0:
        if e & 1:
            r *= b
        b *= b
        e >>= 1
    return r
for e in (0, 1, 5, 33, 64, 65):
    print(e, ipow(3, e), ipow(3, e) == 3 ** e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
