"""Functions creating iterators for efficient looping (bundled with stitch; the same interface as
CPython's `itertools`). Most are generators; count and repeat are classes (they have reprs and
state), and so is groupby (its groups share one underlying iterator). Arguments are checked and
inputs that CPython reads eagerly (product, permutations, combinations) are read when the
iterator is made, as CPython does, not on the first next()."""

import sys


class _Sentinel:
    pass


_END = _Sentinel()


def _is_number(x):
    return isinstance(x, (int, float)) or hasattr(type(x), '__add__')


################################################################################
# Infinite iterators
################################################################################

class count:

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step) or isinstance(start, str) \
                or isinstance(step, str):
            raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        # Iterating in a for loop runs this generator, which keeps `_n` current so that next()
        # and the repr see the same state.
        step = self._step
        while True:
            n = self._n
            self._n = n + step
            yield n

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, step)


def cycle(iterable):
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


class repeat:

    def __init__(self, object, times=None):
        self._object = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(times).__name__)
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        obj = self._object
        if self._times is None:
            while True:
                yield obj
        while self._times > 0:
            self._times -= 1
            yield obj

    def __next__(self):
        times = self._times
        if times is None:
            return self._object
        if times <= 0:
            raise StopIteration
        self._times = times - 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._object,)
        return 'repeat(%r, %d)' % (self._object, self._times)


################################################################################
# Iterators terminating on the shortest input sequence
################################################################################

def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        total = next(it, _END)
        if total is _END:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def chain(*iterables):
    for it in iterables:
        for element in it:
            yield element


def _from_iterable(iterables):
    for it in iterables:
        for element in it:
            yield element


chain.from_iterable = _from_iterable


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d in data:
        s = next(selectors, _END)
        if s is _END:
            return
        if s:
            yield d


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def filterfalse(function, iterable):
    return _filterfalse(function, iter(iterable))


def _filterfalse(function, it):
    if function is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not function(x):
                yield x


class groupby:

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = _END
        self._currkey = _END
        self._currvalue = _END
        self._group = None

    def __iter__(self):
        return self

    def _advance(self):
        # Read the next item and its key; False at the end.
        value = next(self._it, _END)
        if value is _END:
            return False
        self._currvalue = value
        if self._keyfunc is None:
            self._currkey = value
        else:
            self._currkey = self._keyfunc(value)
        return True

    def __next__(self):
        self._group = group = _Group()
        # Skip what is left of the current group.
        while self._currkey is _END or (self._tgtkey is not _END
                                        and self._currkey == self._tgtkey):
            if not self._advance():
                self._currkey = _END
                self._tgtkey = _END
                raise StopIteration
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, group))

    def _grouper(self, tgtkey, group):
        while self._group is group and self._currkey is not _END and self._currkey == tgtkey:
            yield self._currvalue
            if self._group is not group:
                return
            if not self._advance():
                self._currkey = _END
                return


class _Group:
    # The identity of one group of a groupby: a group is live while it is the latest.
    pass


def islice(iterable, *args):
    nargs = len(args)
    if nargs < 1:
        raise TypeError('islice expected at least 2 arguments, got %d' % (nargs + 1))
    if nargs > 3:
        raise TypeError('islice expected at most 4 arguments, got %d' % (nargs + 1))
    if nargs == 1:
        start = None
        stop = args[0]
        step = None
    else:
        start = args[0]
        stop = args[1]
        step = args[2] if nargs == 3 else None
    if stop is not None:
        if not isinstance(stop, int) or stop < 0 or stop > sys.maxsize:
            if nargs == 1:
                raise ValueError('Stop argument for islice() must be None or an integer: '
                                 '0 <= x <= sys.maxsize.')
            raise ValueError('Indices for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
    if start is None:
        start = 0
    elif not isinstance(start, int) or start < 0 or start > sys.maxsize:
        raise ValueError('Indices for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.')
    if step is None:
        step = 1
    elif not isinstance(step, int) or step < 1 or step > sys.maxsize:
        raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    # Like CPython's, items are read only as they are asked for: the ones between two selected
    # items are skipped when the next one is requested.
    cnt = 0
    nxt = start
    while True:
        while cnt < nxt:
            if next(it, _END) is _END:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        item = next(it, _END)
        if item is _END:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _pairwise(it):
    a = next(it, _END)
    if a is _END:
        return
    for b in it:
        yield (a, b)
        a = b


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            return


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    # The iterators share a linked list of the items read so far, [value, next link]; each
    # walks it at its own pace and the source is read by whichever gets ahead.
    head = [None, None]
    return tuple([_tee(it, head) for _ in range(n)])


def _tee(it, link):
    while True:
        following = link[1]
        if following is None:
            value = next(it, _END)
            if value is _END:
                return
            following = [value, None]
            link[1] = following
        link = following
        yield following[0]


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    n = len(iterators)
    if n == 0:
        return
    active = n
    done = [False] * n
    while True:
        values = []
        for i in range(n):
            if done[i]:
                values.append(fillvalue)
                continue
            value = next(iterators[i], _END)
            if value is _END:
                active -= 1
                if active == 0:
                    return
                done[i] = True
                value = fillvalue
            values.append(value)
        yield tuple(values)


################################################################################
# Combinatoric iterators
################################################################################

def product(*iterables, repeat=1):
    if not isinstance(repeat, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(repeat).__name__)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(p) for p in iterables] * repeat
    return _product(pools)


def _product(pools):
    n = len(pools)
    if n == 0:
        yield ()
        return
    for pool in pools:
        if not pool:
            return
    sizes = [len(pool) for pool in pools]
    indices = [0] * n
    current = [pool[0] for pool in pools]
    yield tuple(current)
    last = n - 1
    while True:
        # Advance the rightmost position that can move, like an odometer.
        i = last
        while i >= 0:
            k = indices[i] + 1
            if k < sizes[i]:
                indices[i] = k
                current[i] = pools[i][k]
                break
            indices[i] = 0
            current[i] = pools[i][0]
            i -= 1
        if i < 0:
            return
        yield tuple(current)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    elif not isinstance(r, int):
        raise TypeError('Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    # `order` runs through the permutations of range(n) in lexicographic order; the r-prefixes
    # are wanted, so after each one the rest is put in descending order, which makes the next
    # step move to the next prefix.
    order = list(range(n))
    identity = pool == tuple(order)
    while True:
        if identity:
            yield tuple(order[:r])
        else:
            yield tuple([pool[k] for k in order[:r]])
        if r < n:
            order[r:] = order[r:][::-1]
        # The next permutation: the rightmost rise order[i] < order[i + 1] ...
        i = n - 2
        while i >= 0 and order[i] > order[i + 1]:
            i -= 1
        if i < 0:
            return
        # ... swaps with the rightmost larger item after it, and the tail is reversed.
        j = n - 1
        pivot = order[i]
        while order[j] < pivot:
            j -= 1
        order[i] = order[j]
        order[j] = pivot
        order[i + 1:] = order[:i:-1]


def combinations(iterable, r):
    pool = tuple(iterable)
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(r).__name__)
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        # The rightmost index not yet at its highest possible value.
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[i] for i in indices])


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(r).__name__)
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations_with_replacement(pool, r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if n == 0 and r > 0:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        v = indices[i] + 1
        for j in range(i, r):
            indices[j] = v
        yield tuple([pool[i] for i in indices])
