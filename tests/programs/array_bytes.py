# array.array and bytes: tobytes, frombytes, and bytes as an initializer.
from array import array
for tc, items in [("b", [-1, 2, -128]), ("B", [1, 255]), ("h", [-2, 300]), ("H", [65535]), ("i", [-5, 1 << 20]), ("I", [4000000000]),
                  ("l", [-(1 << 40)]), ("L", [1 << 63]), ("q", [-1]), ("Q", [(1 << 64) - 1]), ("f", [1.5, -0.1]), ("d", [3.141592653589793])]:
    a = array(tc, items)
    b = a.tobytes()
    c = array(tc)
    c.frombytes(b)
    print(tc, b, c, c == a, array(tc, b) == a, len(b) == a.itemsize * len(a))
a = array("B", b"hello")
print(a, bytes(a.tolist()), a.tobytes().decode())
try:
    array("i").frombytes(b"abc")
except ValueError as e:
    print("ValueError:", e)
try:
    array("i").frombytes("abcd")
except TypeError as e:
    print("TypeError:", e)
