# ljust, rjust, center, zfill
for w in ["a", "ab", "abc", "abcd", "abcdefgh"]:
    print("[" + w.ljust(6) + "]", "[" + w.rjust(6) + "]", "[" + w.center(6) + "]")
for w in ["a", "ab", "abc"]:
    print("[" + w.ljust(7, "*") + "]", "[" + w.rjust(7, "-") + "]", "[" + w.center(7, ".") + "]")
print("[" + "x".center(4) + "]", "[" + "xy".center(5) + "]", "[" + "x".center(2) + "]")
print("[" + "ab".center(5, "#") + "]", "[" + "abc".center(6, "#") + "]")
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "3.14".zfill(8), "abc".zfill(2))
print("".zfill(3), "-".zfill(3), "12345".zfill(3))
table = [("apple", 3, 1.25), ("kiwi", 12, 0.5), ("watermelon", 1, 3.75)]
for name, qty, price in table:
    print(name.ljust(12) + str(qty).rjust(4) + str(price).rjust(8))
print("total".center(24, "="))
for n in [1, 22, 333, 4444]:
    print(str(n).zfill(6), str(n).rjust(6, "0"), str(-n).zfill(6))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError", e)
print("[" + "abc".ljust(0) + "]", "[" + "abc".rjust(-3) + "]")
