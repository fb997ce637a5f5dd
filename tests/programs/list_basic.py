# List indexing, slicing, slice assignment, del
a = [10, 20, 30, 40, 50, 60]
print(a, len(a), a[0], a[-1], a[2:4], a[:3], a[3:], a[::-1], a[::2])
a[0] = 11
a[-1] = 66
print(a)
a[1:3] = [21, 22, 23, 24]
print(a, len(a))
a[2:5] = []
print(a)
a[:0] = [1, 2]
print(a)
a[len(a):] = [99]
print(a)
del a[0]
print(a)
del a[-2:]
print(a)
del a[::2]
print(a)
b = list(range(10))
b[::3] = ["x", "y", "z", "w"]
print(b)
try:
    b[::3] = [1, 2]
except ValueError as e:
    print("ValueError", e)
c = [1, 2, 3]
d = c
d.append(4)
print(c, d, c is d, c == d)
e = c[:]
e.append(5)
print(c, e, c is e)
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
n = [[0] * 3] * 3
n[1][1] = 5
print(n)
print([] == [], [1, [2, 3]] == [1, [2, 3]], [1, 2] != [2, 1])
x = [5, 3, 8]
x[1] += 10
x[-1] *= 2
print(x)
print([1, 2, 3][1:][::-1], list("abc")[::-1])
empty = []
print(empty[:], empty[5:], empty[::-1], len(empty))
print(list(range(5))[1:100], list(range(5))[-100:2])
