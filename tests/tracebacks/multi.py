def f(*a):
    return 1/0
f(1,
  2)
