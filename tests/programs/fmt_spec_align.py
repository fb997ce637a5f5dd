# Format spec: fill, align, width for strings and numbers
for spec in ["10", "<10", ">10", "^10", "*<10", "*>10", "*^10", "-^9", "0>6", ".^11", "#<4"]:
    print(spec.ljust(6), "[" + format("abc", spec) + "]")
for spec in ["8", "<8", ">8", "^8", "=8", "0=8", "*=8", "08", "_^8", "+8", "=+8"]:
    print(spec.ljust(6), "[" + format(-42, spec) + "]", "[" + format(42, spec) + "]")
for spec in ["10.2f", "<10.2f", "^10.2f", "010.2f", "*=10.2f", "+010.2f"]:
    print(spec.ljust(8), "[" + format(-3.14159, spec) + "]", "[" + format(2.5, spec) + "]")
print("[" + format("toolong", "3") + "]", "[" + format(123456, "3") + "]")
print("[" + format("", "5") + "]", "[" + format("", "*^5") + "]")
print("[" + format(True, "") + "]", "[" + format(True, "5") + "]", "[" + format(None, "") + "]")
print("[" + format([1, 2], "") + "]", "[" + format("x", "") + "]", "[" + format(1.5, "") + "]")
table = [("Name", "Qty", "Price"), ("apple", 3, 0.5), ("banana", 12, 0.25), ("kiwi", 100, 1.125)]
print("{:<8}|{:>5}|{:>8}".format(*table[0]))
print("-" * 23)
for name, qty, price in table[1:]:
    print("{:<8}|{:>5d}|{:>8.3f}".format(name, qty, price))
print("{:=^23}".format(" end "))
for n in [1, 12, 123, 1234]:
    print("{:^7}|{:<7}|{:>7}|{:07}".format(n, n, n, n))
print(f"{'centered':^20}|", f"{'odd':^6}|", f"{'even':^7}|")
print("{0:>{1}}|{0:<{1}}|{0:^{1}}|".format("w", 5))
