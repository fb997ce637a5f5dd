# bytes and bytearray: literals, constructors, sequence behaviour, comparisons, hashing.
def show(*xs):
    print(*xs)

def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(b"", b"abc", b'it\'s', b'say "hi"', b'both \' and "', b"\x00\x01\x7f\x80\xff", b"\t\n\r\\")
show(rb"\n raw", b"a" b"b", len(b"\x00\x00"), bool(b""), bool(b"\x00"))
show(bytes(), bytes(4), bytes([1, 2, 255]), bytes(range(65, 70)), bytes(b"copy"), bytes(bytearray(b"ba")))
show(bytes("straße", "utf-8"), bytes("abc", encoding="ascii"), bytes((x for x in [104, 105])))
show(bytearray(), bytearray(3), bytearray(b"xyz"), bytearray([0, 128]), bytearray("é", "latin-1"))
err(lambda: bytes("abc"))
err(lambda: bytes(-1))
err(lambda: bytes([256]))
err(lambda: bytes([-1]))
err(lambda: bytes(["a"]))
err(lambda: bytes(1.5))
err(lambda: bytearray(1.5))
err(lambda: bytes(5, "utf-8"))
err(lambda: bytes("x", "no-such-codec"))

class HasBytes:
    def __bytes__(self):
        return b"from __bytes__"

class HasIndex:
    def __index__(self):
        return 3

show(bytes(HasBytes()), bytes(HasIndex()), bytes([HasIndex()]))

b = b"hello world"
show(b[0], b[-1], b[1:5], b[::-1], b[::2], b[100:], b[-3:])
err(lambda: b[11])
err(lambda: b["x"])
err(lambda: b[1.0])
show(list(b"abc"), tuple(b"\x01\x02"), [x * 2 for x in b"\x01\x02\x03"], sum(b"\x01\x02\x03"))
show(b"wor" in b, b"" in b, 111 in b, 300 in [b], b"z" in b)
err(lambda: "wor" in b)
err(lambda: 300 in b)
show(b"ab" + b"cd", b"ab" + bytearray(b"cd"), bytearray(b"ab") + b"cd", b"ab" * 3, 2 * b"xy", b"ab" * -1, b"ab" * 0)
err(lambda: b"ab" + "cd")
err(lambda: "ab" + b"cd")
err(lambda: b"ab" + 1)
err(lambda: b"ab" * 1.5)
show(b"abc" == b"abc", b"abc" == bytearray(b"abc"), b"abc" != b"abd", b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc")
show(b"abc" == "abc", b"1" == 1, b"" <= b"", bytearray(b"z") >= b"a")
err(lambda: b"a" < "b")
err(lambda: b"a" < 1)
show(hash(b"abc") == hash(b"abc"), hash(b"") == hash(b""), len({b"a", b"a", b"b"}), {b"k": 1}[b"k"])
err(lambda: hash(bytearray(b"x")))
err(lambda: {bytearray(b"x"): 1})
show(sorted([b"b", b"a", b"ab"]), max(b"hello"), min(b"hello"), sorted(b"hello"), list(reversed(b"abc")))
show(type(b""), type(bytearray()), isinstance(b"", bytes), isinstance(bytearray(), bytes), type(b"").__name__)
show(ord(b"A"), ord(bytearray(b"z")), chr(b"A"[0]))
err(lambda: ord(b"AB"))
show(str(b"abc"), repr(bytearray(b"q'")), f"{b'x'}", "%s" % b"y", "%r" % bytearray(b"z"))
show(b"a\xffz".hex(), bytes.fromhex("00ff 10"), bytearray.fromhex("41"), b"".hex())
show(b"\x01\x02\x03\x04".hex(":"), b"\x01\x02\x03\x04".hex("-", 2), b"\x01\x02\x03\x04\x05".hex(" ", -2), b"\xab\xcd".hex(b"_"))
err(lambda: bytes.fromhex("0g"))
err(lambda: bytes.fromhex("abc"))
err(lambda: b"x".hex("::"))
d = {}
for i, c in enumerate(b"hello"):
    d[c] = d.get(c, 0) + i
show(d)
it = iter(b"ab")
show(next(it), next(it), next(it, "done"))
