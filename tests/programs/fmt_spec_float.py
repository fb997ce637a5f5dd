# Format spec float types: e E f F g G % and the default
vals = [0.0, 1.0, -1.5, 0.1, 123.456, 1e-5, 1.5e-7, 12345678.9, 1e16, 1e22, 2 / 3,
        float("inf"), float("-inf"), float("nan")]
for v in vals:
    print(repr(v), "|", format(v, "e"), format(v, "E"), format(v, "f"), format(v, "F"))
    print("   ", format(v, "g"), format(v, "G"), format(v, "%"), format(v, ".2%"), format(v, ""), format(v, ".3"))
for p in range(0, 8):
    print(p, format(1234.5678, "." + str(p) + "g"), format(0.00012345, "." + str(p) + "g"),
          format(1234.5678, "." + str(p) + "e"), format(99.99, "." + str(p) + "f"))
print(format(100000, "g"), format(1000000, "g"), format(1e6, "g"), format(123456789, "g"))
print(format(1e-4, "g"), format(1e-5, "g"), format(0.0001234, "g"), format(0.00001234, "G"))
print(format(1.0, ".0f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print(format(1.0, "g"), format(10.0, "g"), format(1.0, ".1g"), format(15.0, ".1g"))
print(format(1.0, ""), format(1e16, ""), format(1e-5, ""), format(1.0, ".1"), format(123.0, ".2"))
print(format(0.5, "%"), format(0.123456, ".1%"), format(1, ".0%"), format(-0.25, "+.0%"))
print(format(12.5, "10.3e"), format(12.5, "<12.2E") + "|", format(12.5, "^12.1f") + "|")
print(format(2 ** 0.5, ".15f"), format(2 ** 0.5, ".17g"), format(0.1, ".20f"))
print(format(1e300 * 1e10, "f"), format(-1e300 * 1e10, "e"), format(float("nan"), "F"))
for v in [0.000012345, 0.5, 5.0, 50000.0, 5e15, 5e16]:
    print(repr(v), format(v, ".4g"), format(v, ".4G"), format(v, "+.3e"), format(v, ",.2f"))
