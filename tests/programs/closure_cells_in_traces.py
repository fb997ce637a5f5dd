def counter():
    n = 0
    def bump(k):
        nonlocal n
        for i in range(k):
            n += i
        return n
    return bump

b = counter()
print(b(1000), b(1000))

def outer(xs):
    total = 0
    acc = []
    for x in xs:
        def add(y, x=x):
            nonlocal total
            total += x * y
            return total
        acc.append(add(2))
    return total, acc[-3:]

print(outer(range(2000)))

def make():
    fs = []
    for i in range(500):
        cell = i
        fs.append(lambda: cell)
        cell = cell + 1
    return [f() for f in fs[:3]], fs[-1]()

print(make())

def shadow(a):
    def g():
        return a
    out = 0
    for k in range(3000):
        a = k
        out += g()
    return out

print(shadow(5))
