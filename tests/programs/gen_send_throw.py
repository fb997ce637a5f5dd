def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except ValueError as e:
                print("caught", e)
                yield "recovered"
    finally:
        print("echo closing", received)

g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.throw(ValueError("bad")))
print(next(g))
g.close()
g.close()
try:
    next(g)
except StopIteration:
    print("stopped")

def sub():
    x = yield 1
    print("sub got", x)
    y = yield 2
    print("sub got", y)
    return "sub result"

def outer():
    r = yield from sub()
    print("outer got", r)
    r2 = yield from [10, 20]
    print("list result", r2)
    return "outer done"

o = outer()
print(next(o))
print(o.send("A"))
print(o.send("B"))
print(next(o))
try:
    next(o)
except StopIteration as e:
    print("stop value", e.value)

def inner_catch():
    try:
        yield 1
    except KeyError:
        print("inner caught KeyError")
        yield 99
    return 5

def deleg():
    r = yield from inner_catch()
    print("deleg r", r)
    yield r * 2

d = deleg()
print(next(d))
print(d.throw(KeyError("k")))
print(next(d))

def closing_inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")

def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally")

c = closing_outer()
print(next(c))
c.close()

def ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignore()
next(i)
try:
    i.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def stopper():
    yield 1
    raise StopIteration("x")
try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))

def gen_ret():
    yield 1
    return 7
g = gen_ret()
next(g)
try:
    g.send(None)
except StopIteration as e:
    print("value", e.value, e.args)

n = gen_ret()
try:
    n.send(1)
except TypeError as e:
    print(e)

def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))

def count_to(n):
    i = 0
    while i < n:
        yield i
        i += 1
def chain(*its):
    for it in its:
        yield from it
print(sum(chain(count_to(1000), range(5), "ab" and [1, 2])))
t = gen_ret()
try:
    t.throw(ValueError, "v")
except ValueError as e:
    print("thrown into unstarted", e)
print(next(t, "exhausted"))
