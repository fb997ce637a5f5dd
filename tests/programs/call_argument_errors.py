def f(a, *, k): pass
def g(a, b): pass
def h(a, b=1, *, c, d=2): pass
def one(a): pass
for call in [lambda: f(1, 2, k=1), lambda: g(1, 2, 3, q=1), lambda: g(1, 2, 3), lambda: h(1, 2, 3, c=1), lambda: h(1, 2, 3, d=1), lambda: one(1, 2), lambda: one(), lambda: g(1, a=2), lambda: h(1, 2, 3, c=1, d=5)]:
    try:
        call()
    except TypeError as e:
        print(e)
