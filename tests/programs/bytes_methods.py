# The methods of bytes and bytearray, with their errors.
def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)

for b in (b"  Hello, World! 123  ", bytearray(b"mixed CASE words\tand\ttabs"), b"", b"a,b,,c,"):
    print(repr(b))
    print(b.upper(), b.lower(), b.swapcase(), b.capitalize(), b.title())
    print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" 2"), b.split(), b.rsplit(None, 1), b.split(b","), b.rsplit(b",", 1))
    print(b.isdigit(), b.isalpha(), b.isalnum(), b.isspace(), b.isupper(), b.islower(), b.istitle(), b.isascii())
    print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.count(b"l"), b.count(b""), b.find(b"", 3), b.rfind(b"", 2, 5))
    print(b.startswith(b"  "), b.endswith((b"x", b"  ")), b.startswith(b"H", 2), b.endswith(b"3", 0, -2))
    print(b.replace(b"o", b"0"), b.replace(b"", b"|", 3), b.replace(b"l", b"L", 1), b.partition(b","), b.rpartition(b","))
    print(b.ljust(30, b"*"), b.rjust(25), b.center(31, b"-"), b.zfill(26), b.expandtabs(4), b.splitlines())
    print(b.removeprefix(b"  He"), b.removesuffix(b"  "), b.decode(), b.hex())
print(b"-".join([b"a", bytearray(b"b"), b"c"]), bytearray(b", ").join([b"x", b"y"]), b"".join([]))
print(b"line1\nline2\r\nline3\rend".splitlines(), b"a\nb\n".splitlines(True), b"".splitlines())
print(b"12".zfill(5), b"-12".zfill(5), b"+7".zfill(1), b"abc".center(6), b"abc".center(8, b"."))
print(b"abcabc".index(b"c"), b"abcabc".rindex(b"b"), b"aaa".count(b"aa"), b"hello".find(b"l", -2), b"hello".find(b"l", 1, 3))
print(b"read this".translate(None, b"aeiou"), b"abc".translate(bytes.maketrans(b"abc", b"xyz")), bytearray(b"ab").translate(bytes.maketrans(b"a", b"A")))
print(b"1 2  3".split(b" "), b"1 2 3 4".split(maxsplit=2), b"1 2 3 4".rsplit(maxsplit=2), b"a.b.c".split(b".", 1))
err(lambda: b"abc".index(b"z"))
err(lambda: b"abc".find("a"))
err(lambda: b"abc".find(256))
err(lambda: b"abc".split(b""))
err(lambda: b"abc".startswith("a"))
err(lambda: b"abc".startswith(("a",)))
err(lambda: b"abc".join(["x"]))
err(lambda: b"abc".join([b"x", 1]))
err(lambda: b"abc".replace("a", b"b"))
err(lambda: b"abc".ljust(5, "*"))
err(lambda: b"abc".strip("a"))
err(lambda: b"abc".translate(b"short"))
err(lambda: bytes.maketrans(b"ab", b"c"))
err(lambda: b"abc".upper(1))
err(lambda: b"abc".partition(b""))
# bytearray's own methods
ba = bytearray(b"hello")
ba[0] = ord("J")
ba[1:3] = b"EE"
ba[-1:] = [33, 33]
print(ba, len(ba))
ba.append(46); ba.extend(b"xy"); ba.extend([1, 2]); ba.extend(bytearray(b"!"))
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 65); ba.insert(-1, 66); ba.insert(100, 67); ba.remove(120)
print(ba)
ba.reverse(); print(ba)
c = ba.copy(); c.clear(); print(c, ba == c, len(ba))
del ba[0]; del ba[::2]; print(ba)
ba[::2] = b"z" * len(ba[::2])
print(ba)
ba += b"++"; ba *= 2; print(ba)
x = ba; x += b"!"; print(ba is x, ba[-1])
err(lambda: ba.__setitem__(0, 256))
err(lambda: ba.__setitem__(0, b"a"))
err(lambda: ba.append(-1))
err(lambda: ba.remove(200))
err(lambda: bytearray().pop())
err(lambda: ba.pop(50))
err(lambda: ba.extend("str"))
err(lambda: ba.extend(5))
err(lambda: ba.__setitem__(slice(0, 6, 2), b"abcd"))
err(lambda: ba.__setitem__(100, 1))
b = b"immutable"
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del b[0]
except TypeError as e:
    print("TypeError:", e)
