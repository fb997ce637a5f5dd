# Format spec: sign, grouping, precision and integer types
for v in [0, 7, -7, 255, -255, 1234567, -1234567, 2 ** 40]:
    print(format(v, "d"), format(v, "+d"), format(v, " d"), format(v, "-d"),
          format(v, ","), format(v, "_"), format(v, "x"), format(v, "X"),
          format(v, "o"), format(v, "b") if abs(v) < 300 else "-")
print(format(255, "08b"), format(255, "_b"), format(2 ** 20, "_x"), format(10 ** 10, "_o"))
print(format(1234567.891, ","), format(1234567.891, ",.2f"), format(1234567.891, "_.1f"))
print(format(-1234.5, "+,.2f"), format(1234.5, " ,.0f"), format(0.5, ",.3f"))
print(format(1234567, "15,"), format(1234567, "<15,") + "|", format(1234567, "015,"))
print(format(10 ** 25, ","), format(-10 ** 18, "_"))
for v in [3.14159, -2.71828, 100.0, 0.000123456, 123456789.0]:
    print(format(v, ".0f"), format(v, ".1f"), format(v, ".3f"), format(v, "+.2f"), format(v, ".2e"), format(v, ".3g"))
print(format(5, "f"), format(5, ".2f"), format(5, "e"), format(5, "%"), format(5, "g"))
print(format(0.125, ".2f"), format(0.375, ".2f"), format(2.675, ".2f"), format(1.005, ".2f"))
print(format(-0.0, "f"), format(-0.0, "+.1f"), format(0.0, "+.1f"), format(-0.001, ".1f"))
print(format(1e16, "f"), format(1e-16, "f"), format(1.5e300, ".2e"))
print(format(123, "=+8"), format(-123, "=8"), format(123, "+08"), format(-123, "08"))
print(format("abc", ".1"), format("abc", "5.2"), format("abc", "s"), format("abc", ">5s"))
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError", e)
try:
    format("s", "d")
except ValueError as e:
    print("ValueError", e)
try:
    format(3, ".2d")
except ValueError as e:
    print("ValueError", e)
try:
    format("abc", ",")
except ValueError as e:
    print("ValueError", e)
