# Bitwise operators on ints including negatives and big ints
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~b)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(1 << 10, 1 << 62, 1 << 63, 1 << 64, 1 << 100)
print(1024 >> 3, 1023 >> 3, -1024 >> 3, -1 >> 5, -1023 >> 3)
print(-5 & 3, -5 | 3, -5 ^ 3, ~-5)
print(-1 & 0xFF, -256 & 0xFF, -257 & 0xFFFF)
x = 2 ** 70 + 12345
print(x & 0xFFFF, x >> 60, x | 1, x ^ x)
print((x >> 70) << 70 == 2 ** 70)
print(~0, ~(-1), ~(2 ** 64))
for i in range(8):
    print(i, i & 1, i | 8, i ^ 5, i << i, (1 << i) - 1)
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print("flags", flags, bin(flags))
flags &= ~(1 << 3)
print("cleared", flags, bin(flags))
flags ^= 0b111
print("toggled", flags, bin(flags))
def popcount(n):
    c = 0
    while n:
        c += n & 1
        n >>= 1
    return c
print([popcount(n) for n in (0, 1, 7, 255, 256, 2 ** 64 - 1)])
print(True & False, True | False, True ^ True, ~True)
print(0xFF, 0o17, 0b101, 1_000_000)
