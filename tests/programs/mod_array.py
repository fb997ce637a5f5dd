# array.array with 'd' and 'i' typecodes: construction, indexing, len
from array import array
import array as arr_mod
a = array("i", [1, 2, 3, 4])
print(len(a), a[0], a[-1], a[1] + a[2], sum(a), list(a))
a[0] = 100
a[-1] = -4
print(list(a), len(a), a[0] * a[3])
d = array("d", [0.5, 1.5, 2.25])
print(len(d), d[1], d[-1], sum(d), list(d))
d[0] = 3
print(d[0], type(d[0]).__name__, list(d))
print(max(d), min(d), max(a), min(a))
z = arr_mod.array("d", [0.0] * 5)
for i in range(len(z)):
    z[i] = i * 0.1
print(list(z), z[3])
total = 0
for v in a:
    total += v
print(total)
sq = array("i", [x * x for x in range(10)])
print([sq[i] for i in range(2, 5)], sq[9], len(sq))
big = array("d", [0.0] * 1000)
for i in range(len(big)):
    big[i] = i
acc = 0.0
for i in range(len(big)):
    acc += big[i] * 0.5
print(acc, big[999], type(big[5]).__name__)
counts = array("i", [0] * 5)
for n in [1, 3, 3, 4, 1, 1, 0]:
    counts[n] += 1
print(list(counts))
try:
    a[10]
except IndexError as e:
    print("IndexError", e)
try:
    a[0] = 1.5
except TypeError as e:
    print("TypeError", e)
m = array("d", [1.0, 2.0, 3.0])
for i in range(len(m)):
    m[i] = m[i] * m[i]
print(list(m), sum(m) / len(m))
grid = array("i", [0] * 9)
for r in range(3):
    for c in range(3):
        grid[r * 3 + c] = r * 10 + c
print([grid[r * 3 + 2] for r in range(3)], list(grid))
