# Augmented assignment on names, attributes and subscripts (evaluated once)
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 4; print(x)
x **= 10; print(x)
x <<= 3; print(x)
x >>= 2; print(x)
x |= 0xF0; print(x)
x &= 0x3C; print(x)
x ^= 0xFF; print(x)
x /= 8; print(x)
s = "ab"
s *= 3
s += "!"
print(s)
l = [1]
l += [2, 3]
l *= 2
print(l)
class C:
    def __init__(self):
        self.n = 0
        self.lst = [0, 0]
c = C()
c.n += 5
c.n *= 3
c.lst[1] += 10
c.lst += [99]
print(c.n, c.lst)
calls = []
def idx(i):
    calls.append(("idx", i))
    return i
def obj():
    calls.append("obj")
    return c
data = [1, 2, 3]
data[idx(1)] += 100
obj().n += 1
print(data, c.n, calls)
d = {"a": 1}
d["a"] += 1
d.setdefault("b", 0)
d["b"] -= 5
print(d)
m = [[1, 2], [3, 4]]
m[1][0] *= 10
m[0][1] **= 3
print(m)
t = (1, 2)
t += (3,)
print(t)
f = 1.5
f += 1
f *= 2
print(f)
big = 1
for i in range(5):
    big *= 2 ** 20
print(big)
