# Numerical computations with floats; print exact reprs of results
def integrate(f, a, b, n):
    h = (b - a) / n
    total = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        total += f(a + i * h)
    return total * h
print(repr(integrate(lambda x: x * x, 0.0, 1.0, 100)))
print(repr(integrate(lambda x: x ** 3, 0.0, 2.0, 1000)))
def newton_sqrt(v):
    x = v
    for _ in range(30):
        x = 0.5 * (x + v / x)
    return x
for v in [2.0, 10.0, 0.5, 1e10, 12345.678]:
    print(v, repr(newton_sqrt(v)), repr(v ** 0.5))
pi_est = 0.0
for k in range(100000):
    pi_est += (-1) ** k / (2 * k + 1)
print(repr(4 * pi_est))
e_est = 0.0
term = 1.0
for k in range(1, 20):
    e_est += term
    term /= k
print(repr(e_est))
balance = 1000.0
for month in range(1, 13):
    balance *= 1 + 0.05 / 12
    balance -= 50.0
    if month % 3 == 0:
        print(month, repr(balance), round(balance, 2))
xs = [0.1 * i for i in range(11)]
print(xs)
ys = [x * x - 2 * x + 1 for x in xs]
print(ys)
mean = sum(ys) / len(ys)
print(repr(mean), repr(sum((y - mean) ** 2 for y in ys) / len(ys)))
pos = 0.0
vel = 10.0
dt = 0.01
t = 0.0
while pos >= 0.0:
    vel -= 9.81 * dt
    pos += vel * dt
    t += dt
print(repr(t), repr(pos), repr(vel))
kahan_sum = 0.0
c = 0.0
naive = 0.0
for i in range(10000):
    v = 0.0001
    naive += v
    y = v - c
    tt = kahan_sum + y
    c = (tt - kahan_sum) - y
    kahan_sum = tt
print(repr(naive), repr(kahan_sum))
