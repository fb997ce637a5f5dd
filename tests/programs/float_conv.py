# float() conversions and float->int conversions
print(float("1.5"), float("  -2.25 "), float("1e3"), float("1E-3"), float(".5"), float("5."))
print(float("inf"), float("-inf"), float("+inf"), float("Infinity"), float("-INF"))
print(float("nan"), float("  nan  "), float("1_000.5"))
print(float(3), float(-7), float(True), float(), float(10 ** 22), float(2 ** 100))
print(float("0.1"), float("-0"), float("-0.0"), float("000123.4500"))
for s in ["abc", "", "1.2.3", "1e", "--1", "0x10"]:
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError", e)
print(int(3.999), int(-3.999), int(1e15), int(2.0 ** 70), int(-0.0))
print(int(123456789.9), int(float("1e19")))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(str(1.0), str(-2.5), str(1e-10), str(1e200))
print(float(str(0.1)) == 0.1, float(repr(2 / 3)) == 2 / 3)
nums = ["3.25", "-0.125", "1e-2", "2.5E+3", "  7  "]
vals = [float(s) for s in nums]
print(vals, sum(vals))
print(float(int("12345678901234567890")))
print(1e308 + 1e308, -(1e308 + 1e308))
