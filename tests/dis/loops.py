def total(n):
    s = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        s += i * 2
    return s


print(total(10))
