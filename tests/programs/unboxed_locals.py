# Loops whose int, float and bool locals the optimizer unboxes (their tag proved once, then
# only payloads loaded and stored), left in every way a trace can leave: an int that outgrows
# 64 bits, a local that changes type halfway, a bool flipped each time, an exception caught
# inside the loop (the handler sees each local's last value), a return from the loop, `del` of
# an unboxed local, nested loops, and a traceback at the end.


def grows(n):
    x = 1
    total = 0
    for i in range(n):
        x = x * 3 + 1
        total += i
    return x, total


def changes_type(n):
    v = 0
    w = 1.5
    for i in range(n):
        if i == n // 2:
            v = v / 7
            w = int(w)
        v += i
        w = w * 2 - 1
    return v, w


def flips(n):
    flag = True
    count = 0
    for i in range(n):
        flag = not flag
        if flag:
            count += i
    return flag, count


def caught(n):
    a = 0
    b = 0.25
    seen = []
    for i in range(n):
        a += 2
        b = b * 1.5 - a
        try:
            a = a // (i % 97 - 60)
        except ZeroDivisionError:
            seen.append((i, a, b))
            a = i
    return a, b, seen


def returns(n):
    s = 0
    k = 0
    while True:
        s += k * k
        k += 1
        if s > n:
            return s, k


def deletes(n):
    out = 0
    for i in range(n):
        t = i * 2
        out += t
        if i % 50 == 49:
            del t
            try:
                out += t
            except UnboundLocalError:
                out -= 1
    return out


def nested(n):
    acc = 0.0
    for i in range(n):
        j = 0
        while j < i:
            acc += j * 0.5
            j += 1
        acc -= i
    return acc, j


def mixed(n):
    x = 0
    y = 0.0
    z = False
    for i in range(n):
        x, y = x + 1, y + x
        z = x > y
    return x, y, z


print(grows(100))
print(changes_type(600))
print(flips(500))
r = caught(400)
print(r[0], r[1], len(r[2]), r[2][:3])
print(returns(100000))
print(deletes(400))
print(nested(120))
print(mixed(300))


def fails(n):
    count = 0
    for i in range(n):
        count += 1
        count = count + 1000 // (n - 100 - i)
    return count


fails(500)
