# int.to_bytes / int.from_bytes, and %-formatting of bytes (PEP 461).
def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)

for n in [0, 1, 255, 256, 65535, 2**31, 2**64 + 5, 10**30]:
    size = max(1, (n.bit_length() + 7) // 8)
    big = n.to_bytes(size, "big")
    little = n.to_bytes(size, byteorder="little")
    print(n, big, little, int.from_bytes(big, "big") == n, int.from_bytes(little, "little") == n)
for n in [-1, -128, -129, 127, -2**63, 2**63 - 1]:
    b = n.to_bytes(9, "big", signed=True)
    print(n, b, int.from_bytes(b, "big", signed=True), int.from_bytes(b, "big"))
print((5).to_bytes(), (1000).to_bytes(4), int.from_bytes(b"\x01\x00"), int.from_bytes([1, 2, 3], "little"), int.from_bytes(bytearray(b"\xff"), "big", signed=True))
print(int.from_bytes(b"", "big"), (0).to_bytes(0, "big"), True.to_bytes(2, "big"), bool.from_bytes(b"\x01", "big"))
err(lambda: (256).to_bytes(1, "big"))
err(lambda: (-1).to_bytes(2, "big"))
err(lambda: (128).to_bytes(1, "big", signed=True))
err(lambda: (1).to_bytes(-1, "big"))
err(lambda: (1).to_bytes(2, "middle"))
err(lambda: int.from_bytes(b"\x00", "sideways"))
err(lambda: int.from_bytes("abc", "big"))

print(b"%d %i %5d|%-5d|%05d %x %X %o %e %.3f %g" % (42, -7, 3, 3, 3, 255, 255, 8, 12345.678, 3.14159, 0.0001))
print(b"%s and %b" % (b"bytes", bytearray(b"array")), b"%r %a" % ("é", b"x"), b"%c%c%c" % (72, b"i", 33))
print(b"%(name)s is %(age)d" % {b"name": b"Ann", b"age": 30}, b"100%%" % (), b"%5s|%-5s|%.2s" % (b"ab", b"cd", b"xyz"))
print(bytearray(b"%d-%d") % (1, 2), b"%s" % b"single", b"%*d|%-*d" % (4, 7, 3, 8))
err(lambda: b"%s" % "str")
err(lambda: b"%d" % b"x")
err(lambda: b"%d %d" % (1,))
err(lambda: b"%d" % (1, 2))
err(lambda: b"%c" % 300)
err(lambda: b"%c" % "a")
err(lambda: b"%q" % 1)
err(lambda: b"abc" % 5)
