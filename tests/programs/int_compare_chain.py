# Comparisons and chained comparisons
a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 < b, c > b > a > 0)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 2, 1 <= 2 <= 2)
print(1 == 1.0, 1 != 1.0, 2 > 1.5, -1 < -0.5)
print(True == 1, False == 0, True > False, True + True == 2)
print(3 != 4 != 3, 3 == 3 == 3.0)
calls = []
def val(n):
    calls.append(n)
    return n
print(val(1) < val(0) < val(5))
print(calls)
calls.clear()
print(val(1) < val(2) < val(3))
print(calls)
x = 5
print(0 < x < 10, 0 < x < 3, 10 > x >= 5, x is x)
print(2 ** 64 > 2 ** 64 - 1 > 0, -2 ** 64 < 0 < 2 ** 64)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53))
print(10 ** 20 > 1e19, 10 ** 20 < 1e21, 10 ** 20 == 1e20)
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", "a" < "B")
print(None is None, None == None, 1 is not None)
print(1 in [1, 2], 3 not in [1, 2], not 1 == 2)
r = [n for n in range(20) if 3 <= n < 8 or 15 < n <= 17]
print(r)
print(max(3, 7) >= 7 > min(3, 7))
