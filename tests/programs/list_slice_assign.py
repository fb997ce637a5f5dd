a = [1, 2, 3, 4, 5]
a[1:3] = a
print(a)
b = [0, 1, 2, 3, 4, 5]
b[:3] = b[2::-1]
print(b)
c = list(range(6)); c[2:4] = (9, 9, 9); print(c)
c[::2] = [7, 7, 7, 7][:3]; print(c)
