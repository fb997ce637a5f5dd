# heapq, the bundled Python module: every function, ties, keys, errors.
import heapq
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge
import random

random.seed(12345)


def is_heap(h):
    for i in range(1, len(h)):
        if h[(i - 1) // 2] > h[i]:
            return False
    return True


h = []
for x in [5, 3, 8, 1, 9, 2, 7, 4, 6, 0]:
    heappush(h, x)
    assert is_heap(h)
print(h)
print([heappop(h) for _ in range(10)])
print(h)

data = [random.randint(0, 1000) for _ in range(500)]
h = list(data)
heapify(h)
print(is_heap(h), len(h), h[0] == min(data))
out = []
while h:
    out.append(heappop(h))
print(out == sorted(data))

h = [3, 1, 2]
heapify(h)
print(h, heapreplace(h, 10), h)
print(heappushpop(h, 0), h)
print(heappushpop(h, 5), h)
print(heappushpop([], 7))

for f in (heappop,):
    try:
        f([])
    except IndexError as e:
        print('IndexError', e)
try:
    heapreplace([], 1)
except IndexError as e:
    print('IndexError', e)

# tuples as priorities
tasks = []
heappush(tasks, (2, 'write'))
heappush(tasks, (1, 'plan'))
heappush(tasks, (3, 'test'))
heappush(tasks, (1, 'apple'))
while tasks:
    print(heappop(tasks))

# heapsort of floats and strings
words = 'the quick brown fox jumps over the lazy dog'.split()
h = []
for w in words:
    heappush(h, w)
print([heappop(h) for _ in range(len(h))])
fl = [3.5, -1.25, 2.0, 0.0, 9.75, -3.5]
heapify(fl)
print([heappop(fl) for _ in range(len(fl))])

# nlargest / nsmallest: all sizes, keys, ties, generators
nums = [random.randint(-50, 50) for _ in range(200)]
for n in [-1, 0, 1, 2, 3, 10, 199, 200, 250]:
    a = nsmallest(n, nums)
    b = nlargest(n, nums)
    assert a == sorted(nums)[:max(n, 0)], n
    assert b == sorted(nums, reverse=True)[:max(n, 0)], n
    print(n, a[:5], b[:5])
pairs = [(i % 7, i) for i in range(60)]
for n in [1, 2, 5, 20, 60, 100]:
    k = lambda p: p[0]
    assert nsmallest(n, pairs, key=k) == sorted(pairs, key=k)[:n]
    assert nlargest(n, pairs, key=k) == sorted(pairs, key=k, reverse=True)[:n]
    assert nsmallest(n, iter(pairs), key=k) == sorted(pairs, key=k)[:n]
    assert nlargest(n, iter(pairs), key=k) == sorted(pairs, key=k, reverse=True)[:n]
print(nsmallest(5, pairs, key=lambda p: p[0]))
print(nlargest(5, pairs, key=lambda p: p[0]))
print(nlargest(3, (x * x for x in range(-5, 4))))
print(nsmallest(3, (x * x for x in range(-5, 4))))
print(nsmallest(2, []), nlargest(2, []), nsmallest(1, []), nlargest(1, iter([])))
print(nlargest(2, {'a': 1, 'c': 3, 'b': 2}), nsmallest(2, 'hello'))
print(nlargest(3, ['aa', 'b', 'cccc', 'ddd'], key=len))
print(nsmallest(3, ['aa', 'b', 'cccc', 'ddd'], key=len))
print(nlargest(1, ['aa', 'b', 'cccc', 'ddd'], key=len), nsmallest(1, [3, 1, 2]))
portfolio = [
    {'name': 'IBM', 'shares': 100, 'price': 91.1},
    {'name': 'AAPL', 'shares': 50, 'price': 543.22},
    {'name': 'FB', 'shares': 200, 'price': 21.09},
    {'name': 'HPQ', 'shares': 35, 'price': 31.75},
    {'name': 'YHOO', 'shares': 45, 'price': 16.35},
    {'name': 'ACME', 'shares': 75, 'price': 115.65},
]
print([s['name'] for s in nsmallest(3, portfolio, key=lambda s: s['price'])])
print([s['name'] for s in nlargest(3, portfolio, key=lambda s: s['price'])])

# merge
print(list(merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(merge()), list(merge([])), list(merge([], [1])))
print(list(merge([3, 2, 1], [6, 4, 0], reverse=True)))
print(list(merge(['a', 'ccc'], ['bb', 'dddd'], key=len)))
print(list(merge([(1, 'a'), (2, 'a')], [(1, 'b'), (2, 'b')], key=lambda t: t[0])))
print(list(merge([(2, 'a'), (1, 'a')], [(2, 'b'), (1, 'b')], key=lambda t: t[0], reverse=True)))
print(list(merge(iter([1, 4]), (x for x in [2, 3]), range(0, 10, 3))))
lists = [sorted(random.randint(0, 100) for _ in range(random.randint(0, 30))) for _ in range(8)]
merged = list(merge(*lists))
print(len(merged), merged == sorted(x for l in lists for x in l))
g = merge([1, 2], [1, 2])
print(next(g), next(g), list(g))
print(sorted(heapq.__all__))
print(heapq.heapify.__name__)

# a heap of objects ordered by __lt__
class Job:
    def __init__(self, pri, name):
        self.pri = pri
        self.name = name

    def __lt__(self, other):
        return self.pri < other.pri

jobs = []
for i, p in enumerate([5, 1, 4, 2, 3]):
    heappush(jobs, Job(p, 'job%d' % i))
print([heappop(jobs).name for _ in range(5)])

# a bigger run: k-way merge and a running median
big = [random.random() for _ in range(3000)]
h = []
for v in big:
    heappush(h, v)
prev = -1.0
ok = True
while h:
    v = heappop(h)
    ok = ok and v >= prev
    prev = v
print(ok)
lo, hi = [], []
medians = []
for v in [random.randint(0, 100) for _ in range(101)]:
    if not lo or v <= -lo[0]:
        heappush(lo, -v)
    else:
        heappush(hi, v)
    if len(lo) > len(hi) + 1:
        heappush(hi, -heappop(lo))
    elif len(hi) > len(lo):
        heappush(lo, -heappop(hi))
    medians.append(-lo[0])
print(medians[-5:], sum(medians))

# the max-heap helpers CPython keeps private but programs use
mh = [random.randint(0, 100) for _ in range(30)]
heapq._heapify_max(mh)
print(mh[0] == max(mh), [heapq._heappop_max(mh) for _ in range(5)], heapq._heapreplace_max(mh, -1), len(mh))
