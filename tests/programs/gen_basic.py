# Generator functions: yield, next(), exhaustion, for-loops
def count_up(n):
    print("  start")
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  end")
g = count_up(3)
print("created", type(g).__name__)
print(next(g))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
print(next(g, "default"))
for v in count_up(2):
    print("got", v)
def squares(n):
    for i in range(n):
        yield i * i
print(list(squares(6)), sum(squares(101)), max(squares(4)))
def letters():
    yield "a"
    yield "b"
    yield "c"
print(list(letters()), "".join(letters()), list(enumerate(letters())))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
print(next(f), next(f))
def evens_from(xs):
    for x in xs:
        if x % 2 == 0:
            yield x
print(list(evens_from([1, 2, 3, 4, 10, 11])), list(evens_from([])))
g1 = squares(3)
g2 = squares(3)
print(next(g1), next(g1), next(g2), list(g1), list(g2), list(g1))
def interleaved_prints():
    print("  before 1")
    yield 1
    print("  before 2")
    yield 2
    print("  after 2")
w = interleaved_prints()
print(next(w), next(w), next(w, "exhausted"))
def gen_in_gen():
    for word in ["ab", "cd"]:
        for ch in word:
            yield ch.upper()
print(list(gen_in_gen()))
print(iter(g1) is g1)
