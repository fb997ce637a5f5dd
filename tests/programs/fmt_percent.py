# printf-style % formatting
print("%d" % 42, "%d" % -7, "%d" % 3.99, "%d" % True, "%d" % 2 ** 70)
print("%s" % "str", "%s" % 1.5, "%s" % None, "%s" % [1, "a"], "%s" % (1,))
print("%r" % "str", "%r" % 1.5, "%r" % [1, "a"], "%r" % "it's")
print("%f" % 3.14159, "%f" % 1, "%.3f" % 2.0005, "%.0f" % 2.5, "%.0f" % 3.5, "%.2f" % -0.005)
print("[%5d]" % 42, "[%-5d]" % 42, "[%05d]" % 42, "[%+d]" % 42, "[% d]" % 42, "[%+05d]" % -42)
print("[%5s]" % "ab", "[%-5s]" % "ab", "[%.2s]" % "abcdef", "[%7.3s]" % "abcdef")
print("%x" % 255, "%X" % 255, "%o" % 8, "%x" % -255, "%08x" % 48879)
print("%e" % 12345.678, "%E" % 0.000123, "%.2e" % 1e100, "%e" % 0)
print("%g" % 12345.678, "%g" % 0.0001, "%g" % 0.00001, "%g" % 1e20, "%g" % 100.0, "%.3g" % 3.14159)
print("%G" % 1e-10, "%g" % 123456789, "%g" % 1234567, "%g" % 0.5)
print("100%%", "%d%%" % 50, "%s%%s" % "x")
print("%s is %d years and %.1f%% done" % ("Ann", 31, 45.678))
print("%-10s|%10s|" % ("left", "right"))
print("%10.4f|%-10.2f|%+.1f" % (3.14159, 2.5, 7))
print("%s" % ((1, 2),), "%s %s" % (1, 2), "%s" % "%s")
for v in [0, 1, -1, 255, 65535, 10 ** 12]:
    print("%d %x %o %e" % (v, v, v, v))
for f in [0.1, 1.5, -2.25, 1e-7, 123456.789, float("inf"), float("nan")]:
    print("%f %.2f %e %g %s %r" % (f, f, f, f, f, f))
rows = [("widget", 3, 4.5), ("gadget", 12, 0.75)]
for name, qty, price in rows:
    print("%-8s x%3d @ %6.2f = %8.2f" % (name, qty, price, qty * price))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError", e)
try:
    print("%d" % (1, 2))
except TypeError as e:
    print("TypeError", e)
