# Slicing lists in hot loops with every kind of bound (ints, negatives, None, steps, an
# __index__ object), slice assignment from lists, tuples and other iterables, and containers
# that change type mid-loop (a tuple, a str, a user sequence): each result as in CPython.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v


class Seq:
    def __init__(self, items):
        self.items = list(items)
    def __getitem__(self, k):
        return ("seq", self.items[k])
    def __setitem__(self, k, v):
        self.items[k] = list(v)


def run(n):
    acc = 0
    xs = list(range(12))
    keep = []
    for i in range(n):
        k = i % 7
        a = xs[:k + 1]
        b = xs[k::-1]
        c = xs[-k:]
        d = xs[1:-1:2]
        e = xs[::-(k % 3 + 1)]
        acc += len(a) + sum(b) + len(c) + sum(d) + e[0]
        xs[:k + 1] = xs[k::-1]
        xs[2:4] = (i, i + 1) if i % 2 else [i]
        xs[len(xs):] = [k]
        if len(xs) > 14:
            xs[12:] = []
        if i == n // 2:
            xs[0:2] = range(2)
            acc += sum(xs[Idx(1):Idx(5)])
        if i % 10 == 9:
            keep.append(xs[:])
    return acc, xs, keep[-2:]


def mixed(n):
    out = []
    things = [list(range(6)), tuple(range(6)), "abcdef", Seq(range(6))]
    for i in range(n):
        t = things[(i // 50) % 4]
        out.append(t[1:4])
        out.append(t[::2])
    return [out[0], out[1], out[101], out[201], out[301], out[-1]]


def step_zero(n):
    xs = list(range(10))
    caught = 0
    for i in range(n):
        s = 0 if i == n - 3 else 1
        try:
            xs[::s]
        except ValueError as e:
            caught += 1
            msg = str(e)
    return caught, msg


def extended_assign(n):
    xs = list(range(10))
    bad = 0
    for i in range(n):
        xs[::2] = [i] * 5
        try:
            xs[::3] = [1, 2] if i % 100 == 99 else [0, 0, 0, 0]
        except ValueError:
            bad += 1
    return xs, bad


print(run(400))
print(mixed(400))
print(step_zero(300))
print(extended_assign(300))
