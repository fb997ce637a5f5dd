# List and tuple indexing, item stores, appends and unpacking inside hot loops: negative indexes,
# indexes out of range, lists that grow (and move their items) while a loop indexes them, list
# subclasses, sequences of the wrong length and a list sorted with a key that looks at it or
# appends to it.


class MyList(list):
    pass


def sums(xs, n):
    total = 0
    for i in range(n):
        total += xs[i % len(xs)] + xs[-1 - i % len(xs)]
    return total


def tuple_sums(t, n):
    total = 0
    for i in range(n):
        total += t[i % 3] * t[-1]
    return total


def grow_and_read(n):
    xs = [0]
    acc = 0
    for i in range(n):
        xs.append(i)
        acc += xs[i] + xs[-1]
    return acc, len(xs)


def store(n):
    xs = [0] * 8
    for i in range(n):
        xs[i % 8] += i
        xs[-1 - i % 8] -= 1
    return xs


def out_of_range(n):
    xs = [1, 2, 3]
    hits = 0
    last = None
    for i in range(n):
        try:
            hits += xs[i]
        except IndexError as e:
            hits -= 1
            last = str(e)
    return hits, last


def store_out_of_range(n):
    xs = [0, 0, 0]
    errors = 0
    message = None
    for i in range(n):
        try:
            xs[i - 5] = i
        except IndexError as e:
            errors += 1
            message = str(e)
    return xs, errors, message


def unpack(pairs):
    sx = sy = 0
    for p in pairs:
        x, y = p
        sx += x
        sy -= y
    return sx, sy


def unpack_mixed(items):
    out = []
    for item in items:
        try:
            a, b, c = item
            out.append(a + b + c)
        except ValueError as e:
            out.append(str(e))
        except TypeError as e:
            out.append(str(e))
    return out


def swap_in_place(xs, n):
    for i in range(n):
        j = (i * 7) % len(xs)
        xs[i % len(xs)], xs[j] = xs[j], xs[i % len(xs)]
    return xs


def subclass_index(n):
    m = MyList([5, 6, 7])
    t = 0
    for i in range(n):
        t += m[i % 3]
        m[i % 3] = i
    return t, list(m)


def nested(n):
    grid = [[i * 10 + j for j in range(4)] for i in range(4)]
    t = 0
    for k in range(n):
        row = grid[k % 4]
        row[k % 3] += 1
        t += grid[k % 4][-1] + row[0]
    return t, grid


def sorted_by_self():
    xs = [3, 1, 2]
    seen = []

    def key(v):
        seen.append(len(xs))
        return v

    xs.sort(key=key)
    return xs, seen


def appends(n):
    xs = []
    alias = xs
    sub = MyList()
    for i in range(n):
        xs.append(i * i)
        sub.append(-i)
        if i % 97 == 0:
            xs.append(xs)
    return len(alias), alias[-1] if n else None, sum(sub), repr(xs[:3])[:40]


def key_appends():
    xs = [3, 1, 2]

    def key(v):
        for i in range(300):
            xs.append(i)
        return v

    try:
        xs.sort(key=key)
    except ValueError as e:
        return "ValueError: " + str(e), len(xs)
    return xs


for n in (1, 5, 300, 1000):
    print(appends(n))
    print(sums([3, 1, 4, 1, 5, 9, 2, 6], n), tuple_sums((2, 7, 1), n))
    print(grow_and_read(n), store(n))
    print(out_of_range(n), store_out_of_range(n))
    print(unpack([(i, i * 2) for i in range(n)] + [[1, 2]]))
    print(unpack_mixed([(1, 2, 3), [4, 5, 6], (1, 2), [1, 2, 3, 4], 7, "abc"] * (n // 100 + 1))[:8])
    print(swap_in_place(list(range(10)), n))
    print(subclass_index(n), nested(n))
print(sorted_by_self(), key_appends())
try:
    print([1, 2][2])
except IndexError as e:
    print("IndexError:", e)
def fails(xs):
    for i in range(500):
        xs[i] = xs[i]
fails([0] * 400)
