def g():
    raise ValueError('x')
def f():
    g()
f()
