def f():
    exec("a = 1\nb = a / 0")


f()
