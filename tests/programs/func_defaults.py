# Default arguments, keyword arguments, mutable default gotcha
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
print(greet("Ed", "Hey", "."))
def append_to(x, lst=[]):
    lst.append(x)
    return lst
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def append_safe(x, lst=None):
    if lst is None:
        lst = []
    lst.append(x)
    return lst
print(append_safe(1), append_safe(2))
N = 10
def uses_default(a=N):
    return a
N = 20
print(uses_default(), uses_default(5))
def power(base, exp=2, mod=None):
    r = base ** exp
    if mod is not None:
        r %= mod
    return r
print(power(3), power(3, 3), power(3, mod=5), power(exp=4, base=2), power(2, 100, 1000))
def describe(a, b=2, *, c=3, d):
    return (a, b, c, d)
print(describe(1, d=4), describe(1, 5, d=6, c=7))
def counter(start=0, step=1, count=3):
    return [start + i * step for i in range(count)]
print(counter(), counter(10), counter(step=5), counter(1, 2, 4), counter(count=1, start=9))
def f(a, b=[], c={}):
    b.append(a)
    c[a] = len(b)
    return b, c
print(f(1))
print(f(2))
def defaults_expr(x=len("abc"), y=[i * i for i in range(3)]):
    return x, y
print(defaults_expr(), defaults_expr(0))
print(greet.__name__, describe.__name__)
