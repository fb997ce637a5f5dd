# Accumulating floating point error; print exact reprs
s = 0.0
for i in range(10):
    s += 0.1
    print(i, repr(s))
print(s == 1.0, s)
t = 0.0
for i in range(1000):
    t += 0.001
print(repr(t))
u = 1.0
for i in range(20):
    u = u * 1.1
print(repr(u))
acc = 0.0
for k in range(1, 50):
    acc += 1.0 / (k * k)
print(repr(acc))
print(repr(acc * 6) , repr((acc * 6) ** 0.5))
vals = [1e16, 1.0, -1e16]
print(sum(vals), 1e16 + 1.0 - 1e16)
h = 0.0
for k in range(1, 21):
    h += 1 / k
    if k % 4 == 0:
        print(k, h)
x = 0.5
for i in range(10):
    x = 3.7 * x * (1 - x)
    print(i, x)
mean = sum([2.5, 3.5, 4.25, 1.125]) / 4
var = sum([(v - mean) ** 2 for v in [2.5, 3.5, 4.25, 1.125]]) / 4
print(mean, var, var ** 0.5)
c = 100.0
for year in range(5):
    c *= 1.035
    print(year, c, round(c, 2))
