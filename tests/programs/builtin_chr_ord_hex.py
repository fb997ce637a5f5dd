# chr, ord, hex, bin, oct and int round trips
for c in "AZaz09 !~\n":
    print(repr(c), ord(c), hex(ord(c)), bin(ord(c)), oct(ord(c)))
print([chr(i) for i in range(97, 103)], "".join(chr(i) for i in range(65, 91)))
print(ord("é"), ord("€"), ord("😀"), chr(955), chr(0x263A), repr(chr(10)), repr(chr(0)))
for n in [0, 1, 7, 8, 255, 256, -1, -255, 2 ** 32, 2 ** 64 - 1, -(2 ** 70)]:
    print(n, hex(n), bin(n), oct(n), int(hex(n), 16), int(bin(n), 0), int(oct(n), 8))
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return sign + out
for b in (2, 3, 7, 16, 36):
    s = to_base(123456789, b)
    print(b, s, int(s, b))
print(to_base(-255, 16), to_base(2 ** 100, 36), int(to_base(2 ** 100, 36), 36) == 2 ** 100)
rot13 = "".join(chr((ord(c) - 97 + 13) % 26 + 97) if "a" <= c <= "z" else c for c in "hello, world")
print(rot13)
print(sum(ord(c) for c in "checksum") % 256, max("zebra", key=ord))
print(hex(48879).upper(), hex(3054)[2:], bin(5)[2:].zfill(8), oct(64)[2:])
try:
    chr(-5)
except ValueError as e:
    print("ValueError", e)
try:
    ord("")
except TypeError as e:
    print("TypeError", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError", e)
