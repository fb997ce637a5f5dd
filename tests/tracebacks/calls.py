def g(x):
    return 1 / x
result = [g(i) for i in range(3, -1, -1)]
