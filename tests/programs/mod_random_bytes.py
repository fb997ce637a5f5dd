# random with bytes: bytes and bytearray seeds (both versions), randbytes.
import random
for seed in [b"", b"abc", bytearray(b"abc"), b"\x00\xff" * 40]:
    random.seed(seed)
    print(repr(seed)[:20], random.random(), random.randbytes(5))
random.seed(b"latin", version=1)
print(random.random())
r = random.Random(b"inst")
print(r.randbytes(0), r.randbytes(9), r.getrandbits(7))
try:
    random.seed(bytearray(b"x"), version=1)
except TypeError as e:
    print("TypeError:", e)
try:
    random.randbytes(-1)
except ValueError as e:
    print("ValueError:", e)
