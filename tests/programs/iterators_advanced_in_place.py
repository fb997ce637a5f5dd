# Built-in iterators that loops advance (range, list, tuple, enumerate over a list), shared
# with code that advances them too, over sequences that change while they are iterated, and
# ranges at the ends of 64 bits.

BIG = 2 ** 63 - 1


def shared_iterator(xs):
    it = iter(xs)
    out = []
    for x in it:
        out.append(x)
        if x % 3 == 0:
            out.append(next(it, None))
    return out


def grows_while_iterated(n):
    xs = [1, 2, 3]
    seen = 0
    for x in xs:
        seen += x
        if len(xs) < n:
            xs.append(x + 1)
    return seen, len(xs)


def shrinks_while_iterated(n):
    xs = list(range(n))
    kept = []
    for x in xs:
        kept.append(x)
        if xs:
            xs.pop()
    return len(kept), kept[-3:]


def ranges(n):
    total = 0
    for i in range(n, -n, -3):
        total += i
    for i in range(BIG - n, BIG):
        total += i & 7
    for i in range(-BIG - 1 + n, -BIG - 1, -1):
        total += i & 5
    for i in range(BIG - 2 * n, BIG, n):
        total += 1
    return total


def tuples(n):
    t = tuple(range(n))
    s = 0
    for x in t:
        s += x
    return s


def enumerated(xs):
    out = 0
    for i, x in enumerate(xs):
        out += i * x
        if i == 5:
            xs.append(100)
    return out, len(xs)


def enumerate_shared(xs):
    e = enumerate(xs)
    pairs = []
    for i, x in e:
        pairs.append((i, x))
        if i % 4 == 1:
            pairs.append(next(e))
    return pairs[-4:], len(pairs)


def nested(n):
    acc = 0
    rows = [list(range(k)) for k in range(n)]
    for row in rows:
        for i, v in enumerate(row):
            for j in range(i):
                acc += v ^ j
    return acc


def generator_of_list(xs):
    for x in xs:
        yield x * 2


def through_generator(n):
    return sum(generator_of_list(list(range(n))))


for n in (1, 4, 50, 400):
    print(shared_iterator(list(range(n))), grows_while_iterated(n), shrinks_while_iterated(n))
    print(ranges(n), tuples(n), enumerated(list(range(n))), enumerate_shared(list(range(n + 3))))
    print(nested(n // 10 + 3), through_generator(n))
it = iter([1, 2, 3])
for x in it:
    pass
print(list(it), next(it, "done"))
r = iter(range(3))
for x in r:
    pass
print(next(r, "done"))
