# Generators consuming generators: lazy pipelines
trace = []
def source(n):
    for i in range(n):
        trace.append("src" + str(i))
        yield i
def double(xs):
    for x in xs:
        trace.append("dbl" + str(x))
        yield x * 2
def only_mult3(xs):
    for x in xs:
        if x % 3 == 0:
            yield x
pipe = only_mult3(double(source(10)))
print(trace)
print(next(pipe), trace)
print(list(pipe))
print(len(trace))
def take(n, xs):
    for x in xs:
        if n <= 0:
            return
        n -= 1
        yield x
def naturals():
    i = 0
    while True:
        yield i
        i += 1
def primes():
    for n in naturals():
        if n < 2:
            continue
        for d in range(2, int(n ** 0.5) + 1):
            if n % d == 0:
                break
        else:
            yield n
print(list(take(15, primes())))
def running_sum(xs):
    total = 0
    for x in xs:
        total += x
        yield total
print(list(running_sum(take(10, naturals()))))
def pairwise(xs):
    it = iter(xs)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x
print(list(pairwise([1, 4, 9, 16, 25])), list(pairwise([])))
def interleave(a, b):
    ia, ib = iter(a), iter(b)
    while True:
        x = next(ia, None)
        y = next(ib, None)
        if x is None and y is None:
            return
        if x is not None:
            yield x
        if y is not None:
            yield y
print(list(interleave("abc", "12345")))
def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            for sub in flatten(item):
                yield sub
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
words = "the quick brown fox jumps over the lazy dog".split()
lengths = (len(w) for w in words)
long_lengths = (n for n in lengths if n > 3)
print(sum(long_lengths), list(long_lengths))
