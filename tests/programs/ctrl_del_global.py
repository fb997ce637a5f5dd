# del, global, nonlocal, pass, assert
counter = 0
def bump():
    global counter
    counter += 1
    return counter
for _ in range(3):
    bump()
print("counter", counter)
def set_new_global():
    global created_later
    created_later = "made in function"
set_new_global()
print(created_later)
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc()
    inc()
    return n, inc()
print(outer())
def pass_fn():
    pass
print(pass_fn())
class Empty:
    pass
e = Empty()
e.a = 1
print(e.a)
del e.a
print(hasattr(e, "a"))
x = 5
del x
try:
    print(x)
except NameError as err:
    print("NameError", err)
lst = [0, 1, 2, 3, 4, 5]
del lst[1], lst[2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as err:
    print("NameError", err)
assert 1 + 1 == 2
assert True, "not raised"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as err:
    print("AssertionError", err, err.args)
try:
    assert [], []
except AssertionError as err:
    print("AssertionError", repr(str(err)), err.args)
try:
    assert False
except AssertionError as err:
    print("AssertionError", repr(str(err)), err.args)
def local_shadow():
    counter = 100
    return counter
print(local_shadow(), counter)
