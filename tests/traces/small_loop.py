def total(n):
    t = 0
    for i in range(n):
        if i % 3 == 0:
            t += i
    return t

print(total(1000000))
