f = lambda x: x.y
f(3)
