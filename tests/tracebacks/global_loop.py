def f():
    total = 0
    for i in range(10):
        total += i / (5 - i)
    return total
f()
