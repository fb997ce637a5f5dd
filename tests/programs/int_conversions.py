# int() conversions, bases, and hex/bin/oct
print(int("42"), int("-17"), int("  12 "), int("+5"), int("0"))
print(int("1_000"), int("007"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("101", 2), int("0b101", 0), int("777", 8), int("0o777", 0))
print(int("z", 36), int("Zz", 36), int("10", 3))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e18))
print(int(True), int(False), int(), int(2 ** 70))
print(int(1e20), int(-2.5e15))
print(hex(255), hex(-255), hex(0), hex(2 ** 40))
print(bin(10), bin(-10), bin(0), bin(1))
print(oct(8), oct(-8), oct(0), oct(511))
print(str(42), str(-0), repr(123), str(2 ** 65))
for s in ["12", " -3 ", "4_5", "abc", "1.5", "", "0x10", "1 2"]:
    try:
        print(repr(s), "->", int(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
try:
    int("12", 2)
except ValueError as e:
    print("ValueError", e)
try:
    int(None)
except TypeError as e:
    print("TypeError", e)
print(float(7), float(-3), float(2 ** 60))
print(bool(0), bool(5), bool(-1))
print(int("-0"), int("  +0  "), int("\t99\n"))
vals = [int(c) for c in "9876543210"]
print(vals, sum(vals))
