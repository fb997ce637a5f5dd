# str.format with positional, keyword, index and format specs
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=31))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{:5}|{:<5}|{:>5}|{:^5}|".format(1, 2, 3, 4))
print("{:5}|{:<5}|{:>5}|{:^5}|".format("a", "b", "c", "d"))
print("{:*^11}|{:-<6}|{:0>4}".format("mid", "l", 7))
print("{:.2f} {:.0f} {:10.3f} {:<10.1f}|".format(3.14159, 2.5, 1.0005, -2.25))
print("{:d} {:5d} {:05d} {:+d} {: d}".format(42, 42, 42, 42, 42))
print("{:x} {:X} {:o} {:b} {:,}".format(255, 255, 8, 5, 1234567))
print("{!r} {!s} {!r}".format("hi", "hi", 1.5))
print("{{literal}} {}".format("x"))
print("{0:>{1}}".format("w", 6), "{:{}}|".format("v", 4))
print("{:.3}".format("abcdef"), "{:.3}".format(3.14159), "{:10.2}|".format("xyz"))
print("{:e} {:.2e} {:g} {:.3g} {:%}".format(12345.678, 0.000123, 1e-5, 1234567.0, 0.25))
rows = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, 100.0)]
for r in rows:
    print("{:<8}{:>5}{:>10.2f}".format(*r))
print("{a}-{b}".format(**{"a": 1, "b": 2}))
print("{} {}".format(True, None), "{:d}".format(True), "{:>6}".format(True))
print("[{:^9}]".format(-1.5), "[{:^+9.2f}]".format(1.5))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError", e)
try:
    "{:d}".format("s")
except ValueError as e:
    print("ValueError", e)
