# return inside generators, early termination, generators with try/finally
def take_until(xs, stop):
    for x in xs:
        if x == stop:
            return
        yield x
print(list(take_until([1, 2, 3, 4, 5], 4)), list(take_until("hello", "l")))
def first_n(gen_fn, n):
    out = []
    for v in gen_fn():
        if len(out) >= n:
            break
        out.append(v)
    return out
def naturals():
    n = 1
    while True:
        yield n
        n += 1
print(first_n(naturals, 7))
def gen_with_value():
    yield 1
    yield 2
    return "finished"
g = gen_with_value()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def empty_gen():
    return
    yield
print(list(empty_gen()), next(empty_gen(), "nothing"))
def cleanup_gen(log):
    try:
        yield "a"
        yield "b"
    finally:
        log.append("finally ran")
log = []
for v in cleanup_gen(log):
    print("value", v)
print(log)
def conditional(n):
    if n < 0:
        return
    for i in range(n):
        if i == 3:
            return
        yield i
print(list(conditional(-1)), list(conditional(2)), list(conditional(10)))
def gen_raise():
    yield 1
    raise ValueError("boom in generator")
try:
    for v in gen_raise():
        print("got", v)
except ValueError as e:
    print("ValueError", e)
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return
c = countdown(3)
print(list(c), list(c), [x for x in countdown(4)])
def chunked(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]
print(list(chunked(list(range(10)), 3)), list(chunked("abcdefg", 2)))
