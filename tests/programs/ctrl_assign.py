# Assignment forms: chained, unpacking, nested, starred, attributes, subscripts
a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
p, q = q, p = 1, 2
print(p, q)
(a, b), c = [1, 2], 3
print(a, b, c)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
[a, b], [c, d] = "ab", "cd"
print(a, b, c, d)
first, *middle, last = "abcdef"
print(first, middle, last)
*xs, = [1, 2, 3]
print(xs)
a, *b = 1,
print(a, b)
class Box:
    pass
box = Box()
box.v = 1
box.w = box.v + 1
box.items = [0, 0, 0]
box.items[1] = 7
box.v, box.w = box.w, box.v
print(box.v, box.w, box.items)
d = {}
d["k"] = d["j"] = 0
d["k"], d["m"] = 1, 2
print(d)
lst = [0] * 5
lst[0], lst[-1] = "first", "last"
lst[1:3] = "xy"
print(lst)
i = j = k = 0
i += 1
j -= 1
print(i, j, k)
grid = [[0, 0], [0, 0]]
grid[0][1] = grid[1][0] = 9
print(grid)
for a, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(a, rest)
m, n = divmod(17, 5)
print(m, n)
s = t = "shared"
t += "!"
print(s, t)
u = v = [1]
v += [2]
print(u, v)
x = 10
x = x * 2 + x
print(x)
