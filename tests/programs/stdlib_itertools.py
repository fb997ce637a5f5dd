# itertools, the bundled Python module: every function of CPython 3.11's, with edge cases,
# laziness and errors.
import itertools
from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile, filterfalse,
                       groupby, islice, pairwise, starmap, takewhile, tee, zip_longest, product,
                       permutations, combinations, combinations_with_replacement)
import operator


def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '-> %s: %s' % (type(e).__name__, e))


print('--- count')
c = count()
print(next(c), next(c), next(c), c)
print(list(islice(count(10), 5)), list(islice(count(1, 3), 4)), list(islice(count(5, -2), 4)))
print(list(islice(count(0.5, 0.25), 4)), list(islice(count(2.0), 3)))
c = count(5)
print(c, next(c), c)
c2 = count(3, 2)
print(c2, next(c2), c2, count(1.5), count(0, 1.0), count(1, 0.5), count(-3))
for i in c2:
    if i > 10:
        break
print(i, c2, next(c2))
print(list(zip(count(1), 'abc')), dict(zip('xyz', count())))
attempt('count str', lambda: count('a'))

print('--- cycle')
cy = cycle('abc')
print([next(cy) for _ in range(8)])
print(list(islice(cycle([1, 2]), 5)), list(cycle([])), list(islice(cycle(iter([7])), 3)))
attempt('cycle int', lambda: cycle(1))

print('--- repeat')
print(list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -1)), repeat('a'), repeat('a', 3))
r = repeat(5, 3)
print(next(r), r, list(r), r, repeat([1], -4))
print(list(map(pow, range(5), repeat(2))), list(zip('ab', repeat(0))))
rr = repeat(None)
print(next(rr), next(rr), rr)
attempt('repeat exhausted', lambda: next(repeat(1, 0)))

print('--- accumulate')
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)), list(accumulate([])), list(accumulate([7])))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=0)))
print(list(accumulate('abc')), list(accumulate([1, 2, 3], lambda a, b: a * 10 + b, initial=9)))
print(list(accumulate([[1], [2], [3]])), list(accumulate(x * 0.5 for x in range(4))))
cashflows = [1000, -90, -90, -90, -90]
print([round(x, 2) for x in accumulate(cashflows, lambda bal, pmt: bal * 1.05 + pmt)])
attempt('accumulate int', lambda: accumulate(5))

print('--- chain')
print(list(chain('abc', [1, 2], (3,), range(2))), list(chain()), list(chain([], [])))
print(list(chain.from_iterable(['ab', 'cd', ''])), list(chain.from_iterable([[1], [2, [3]]])))
print(list(chain.from_iterable(iter([range(2), range(3)]))), list(chain(*[[1], [2]])))
ch = chain([1], [2])
print(next(ch), next(ch), next(ch, 'end'))
def bad_chain():
    return list(chain([1], 5))
attempt('chain int', bad_chain)

print('--- compress')
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('AB', [1, 1, 1, 1])))
print(list(compress(range(10), cycle([True, False]))), list(compress([], [])))

print('--- dropwhile / takewhile / filterfalse')
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: True, [1, 2])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: False, [1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None, [], [0]])))
it = iter([1, 2, 3, 10, 4])
print(list(takewhile(lambda x: x < 3, it)), list(it))
print(list(takewhile(lambda x: x < 100, count())) [-1])

print('--- groupby')
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')], [list(g) for k, g in groupby([])])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']
for k, g in groupby(words, key=lambda w: w[0]):
    print(k, list(g))
data = sorted([('b', 2), ('a', 1), ('b', 5), ('a', 3), ('c', 0)])
print({k: [v for _, v in g] for k, g in groupby(data, key=operator.itemgetter(0))})
gb = groupby('aabbbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, next(g2), list(g2))
gb = groupby('aaabbc')
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2), [(k, list(g)) for k, g in gb])
print(''.join('%d%s' % (len(list(g)), k) for k, g in groupby('WWWWBBBWWCCCCCD')))
print([(k, len(list(g))) for k, g in groupby([1, 1, 1.0, True, 2, 2.0])])

print('--- islice')
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(100), 10, 30, 7)), list(islice('AB', 5)))
print(list(islice('ABC', None)), list(islice('ABCDE', None, 3)), list(islice('ABCDE', 1, None, None)))
print(list(islice('ABCDE', 4, 2)), list(islice('ABC', 0)), list(islice(count(), 3, 8)))
it = iter(range(10))
print(list(islice(it, 2, 6, 3)), list(it))
it = iter(range(10))
print(list(islice(it, 4)), next(it))
it = iter(range(10))
print(list(islice(it, 0, 6, 2)), next(it))
it = iter(range(10))
sl = islice(it, 1, 7, 3)
print(next(sl), next(it), next(sl), next(it))
attempt('stop negative', lambda: islice('abc', -1))
attempt('start negative', lambda: islice('abc', -1, 2))
attempt('step zero', lambda: islice('abc', 0, 2, 0))
attempt('stop str', lambda: islice('abc', 'x'))
attempt('too few', lambda: islice('abc'))
attempt('too many', lambda: islice('abc', 1, 2, 3, 4))

print('--- pairwise / starmap')
print(list(pairwise('ABCDE')), list(pairwise([1])), list(pairwise([])), list(pairwise(range(3))))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: sum(a), [(), (1,), (1, 2)])))
print(list(starmap(operator.add, zip('ab', 'cd'))))
print([b - a for a, b in pairwise([1, 4, 9, 16, 25])])

print('--- tee')
a, b = tee([1, 2, 3])
print(list(a), list(b))
a, b, c = tee(iter('abcd'), 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([1], 0), len(tee('x', 5)))
src = iter(range(5))
x, y = tee(src)
print(list(zip(x, y)))
x, y = tee(count())
print([next(x) for _ in range(3)], [next(y) for _ in range(5)], next(x))
attempt('tee negative', lambda: tee([1], -1))
def windows(seq, n):
    its = tee(seq, n)
    for i, it in enumerate(its):
        for _ in range(i):
            next(it, None)
    return zip(*its)
print(list(windows(range(6), 3)))

print('--- zip_longest')
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest('AB', [1, 2, 3])))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest([], 'a')), list(zip_longest('a')))
print(list(zip_longest(range(3), 'ab', [True], fillvalue=0)))

print('--- product')
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)))
print(list(product()), list(product([])), list(product('ab', [])), list(product('ab', repeat=0)))
print(list(product('ab', range(2), repeat=2))[:5], len(list(product(range(4), repeat=4))))
print(sum(1 for p in product(range(3), range(4), range(5)) if sum(p) == 6))
g = product(iter([1, 2]), iter('ab'))
print(list(g), list(g))
attempt('product negative', lambda: product('a', repeat=-1))

print('--- permutations')
print(list(permutations('ABC')), list(permutations(range(3), 2)))
print(list(permutations([])), list(permutations('ab', 0)), list(permutations('ab', 3)), list(permutations('a')))
print(len(list(permutations(range(6)))), list(permutations(range(4), 4))[10:13])
print(list(permutations('aab', 2)))
print(list(permutations(range(5), 3)) == [p for p in product(range(5), repeat=3) if len(set(p)) == 3])
attempt('permutations negative', lambda: permutations('abc', -1))
attempt('permutations r str', lambda: permutations('abc', 'x'))

print('--- combinations')
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations('ab', 0)), list(combinations('ab', 3)), list(combinations([], 0)), list(combinations([], 1)))
print(len(list(combinations(range(10), 4))), list(combinations(range(5), 5)))
print(list(combinations(range(6), 3)) == [p for p in permutations(range(6), 3) if list(p) == sorted(p)])
attempt('combinations negative', lambda: combinations('abc', -2))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement(range(3), 3))[:6])
print(list(combinations_with_replacement('ab', 0)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
print(len(list(combinations_with_replacement(range(5), 3))), list(combinations_with_replacement('a', 3)))
attempt('cwr negative', lambda: combinations_with_replacement('abc', -1))

print('--- combined')
print(sum(1 for _ in filter(lambda t: sum(t) == 10, combinations(range(1, 10), 3))))
def powerset(s):
    s = list(s)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))
print(list(powerset([1, 2, 3])))
def unique_everseen(iterable):
    seen = set()
    for element in filterfalse(lambda e: e in seen, iterable):
        seen.add(element)
        yield element
print(list(unique_everseen('AAAABBBCCDAABBB')))
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)
print(list(grouper('ABCDEFG', 3, 'x')))
def roundrobin(*iterables):
    nexts = cycle((lambda i=iter(it): next(i)) for it in iterables)
    num_active = len(iterables)
    while num_active:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))
print(list(roundrobin('ABC', 'D', 'EF')))
total = 0
for a, b in product(range(200), range(200)):
    total += a ^ b
print(total)
print(sum(1 for _ in permutations(range(8))), sum(1 for _ in combinations(range(20), 5)))
