# Call-site unpacking with * and **
def f(a, b, c):
    return a * 100 + b * 10 + c
args = [1, 2, 3]
print(f(*args), f(*(4, 5, 6)), f(*range(3)), f(*"123" and [7, 8, 9]))
print(f(1, *[2, 3]), f(*[1], *[2], 3), f(*[1, 2], c=9))
kw = {"a": 1, "b": 2, "c": 3}
print(f(**kw), f(**{"c": 0, "b": 0, "a": 1}), f(1, **{"b": 5, "c": 6}))
print(f(*[1], **{"c": 3, "b": 2}), f(*[], **kw))
def g(*args, **kwargs):
    return args, kwargs
print(g(*[1, 2], *(3,), x=1, **{"y": 2}, **{"z": 3}))
print(g(*"ab", **dict(k="v")))
print(g(*{3: "a", 1: "b"}))
def merge(**kw):
    return kw
base = {"a": 1, "b": 2}
print(merge(**base, c=3))
try:
    merge(**base, a=5)
except TypeError as e:
    print("TypeError", e)
try:
    f(*[1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    f(**{"a": 1, "b": 2, "d": 4})
except TypeError as e:
    print("TypeError", e)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)])
print(max(*[3, 9, 4]), min(*"zebra"), print(*[1, 2, 3], sep="-"))
pts = [(1, 2), (3, 4)]
def dist2(x, y):
    return x * x + y * y
print([dist2(*p) for p in pts])
configs = [{"a": 1, "b": 2, "c": 3}, {"c": 1, "a": 2, "b": 3}]
print([f(**c) for c in configs])
print([*[1, 2], *(3, 4)], {**{"x": 1}, **{"y": 2, "x": 3}})
