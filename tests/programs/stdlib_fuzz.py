# The bundled modules under seeded random operations (stitch's random is CPython's exact
# Mersenne Twister, so both see the same operations): deque against its reprs, itertools,
# heapq and Counter arithmetic on random inputs.
import random
from collections import deque, Counter, OrderedDict
import heapq
import itertools
random.seed(7)
out = []
for trial in range(120):
    ml = random.choice([None, 0, 1, 2, 5, 17])
    d = deque(range(random.randint(0, 10)), ml)
    for step in range(60):
        op = random.randint(0, 14)
        try:
            if op == 0: d.append(step)
            elif op == 1: d.appendleft(step)
            elif op == 2: out.append(d.pop())
            elif op == 3: out.append(d.popleft())
            elif op == 4: d.rotate(random.randint(-20, 20))
            elif op == 5: d.extend(range(random.randint(0, 9)))
            elif op == 6: d.extendleft(range(random.randint(0, 9)))
            elif op == 7: out.append(d[random.randint(-12, 12)])
            elif op == 8: d.insert(random.randint(-12, 12), 'i')
            elif op == 9: d.remove(random.choice([1, 2, 'i', 99]))
            elif op == 10: del d[random.randint(-5, 5)]
            elif op == 11: d.reverse()
            elif op == 12: out.append(d.index(random.randint(0, 5)))
            elif op == 13: out.append(d.count(random.randint(0, 5)))
            elif op == 14: d[random.randint(-5, 5)] = 'set'
        except (IndexError, ValueError) as e:
            out.append(type(e).__name__ + str(e))
        out.append(repr(d))
        out.append(len(d))
def digest(values):
    # A checksum of every result's repr, so the .out stays small.
    h = 0
    for ch in repr(values):
        h = (h * 31 + ord(ch)) % 1000000007
    return h


print(len(out), sum(len(str(o)) for o in out), digest(out))
for o in out[::61]:
    print(o)

it = itertools
out = []
for t in range(70):
    n = random.randint(0, 6)
    data = [random.randint(0, 4) for _ in range(n)]
    r = random.randint(0, 7)
    out.append(list(it.permutations(data, r))[:20])
    out.append(list(it.combinations(data, r))[:20])
    out.append(list(it.combinations_with_replacement(data, r))[:20])
    out.append(list(it.product(data, data[:2], repeat=random.randint(0, 2)))[:20])
    args = [random.choice([None, random.randint(0, 8)]) for _ in range(3)]
    if args[2] == 0: args[2] = None
    src = iter(range(10))
    out.append((list(it.islice(src, *args)), list(src)))
    out.append([(k, list(g)) for k, g in it.groupby(data)])
    out.append([(k, list(g)) for k, g in it.groupby(data, key=lambda x: x % 2)])
    gb = it.groupby(data)
    groups = []
    for k, g in gb:
        groups.append((k, g))
    out.append([(k, list(g)) for k, g in groups])
    a, b = it.tee(data)
    out.append([next(a, None), list(b), list(a)])
    out.append(list(it.zip_longest(data, data[1:], data[::2], fillvalue='f')))
    out.append(list(it.accumulate(data, initial=random.choice([None, 5]))))
    out.append(list(it.pairwise(data)))
    out.append(list(it.compress(data, [random.randint(0, 1) for _ in range(random.randint(0, 8))])))
    out.append(list(it.dropwhile(lambda x: x < 2, data)) + list(it.takewhile(lambda x: x < 3, data)))
    k = random.randint(0, 8)
    keyf = random.choice([None, lambda x: -x, lambda x: x % 3])
    pairs = [(random.randint(0, 3), i) for i in range(random.randint(0, 12))]
    out.append(heapq.nsmallest(k, pairs, key=keyf and (lambda p: keyf(p[0]))))
    out.append(heapq.nlargest(k, iter(pairs), key=keyf and (lambda p: keyf(p[0]))))
    out.append(heapq.nsmallest(k, pairs))
    lists = [sorted(random.randint(0, 9) for _ in range(random.randint(0, 5))) for _ in range(random.randint(0, 4))]
    out.append(list(heapq.merge(*lists)))
    out.append(list(heapq.merge(*[l[::-1] for l in lists], reverse=True)))
    out.append(list(heapq.merge(*[[(x, i) for x in l] for i, l in enumerate(lists)], key=lambda p: p[0])))
    c1 = Counter({random.choice('abcd'): random.randint(-3, 3) for _ in range(4)})
    c2 = Counter({random.choice('abcd'): random.randint(-3, 3) for _ in range(4)})
    out.append([c1 + c2, c1 - c2, c1 | c2, c1 & c2, +c1, -c2, c1 == c2, c1 <= c2, c1 < c2, c1 >= c2])
    c3 = c1.copy(); c3 += c2; out.append(c3)
    c3 = c1.copy(); c3 -= c2; out.append(c3)
    c3 = c1.copy(); c3 |= c2; out.append(c3)
    c3 = c1.copy(); c3 &= c2; out.append(c3)
    c3 = c1.copy(); c3.update(c2); c3.subtract(data); out.append((c3, c3.most_common(2), sorted(c3.elements())))
print(len(out), digest(out))
for o in out[::37]:
    print(o)
