"""Heap queue (priority queue) algorithms on plain lists (bundled with stitch; the same interface
as CPython's `heapq`). A heap is a list where a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for every k,
so a[0] is always its smallest item; only `<` is used to compare items."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge', 'nlargest', 'nsmallest',
           'heappushpop']


def _sift_toward_root(heap, root, pos):
    # The item at `pos` may be smaller than its parents: move it up, no higher than `root`.
    item = heap[pos]
    while pos > root:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if item < above:
            heap[pos] = above
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_from_root(heap, pos):
    # The item at `pos` may be larger than its children. Like CPython, walk the smaller child
    # down to a leaf, then bubble the item back up (fewer comparisons on average).
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, start, pos)


def heappush(heap, item):
    pos = len(heap)
    heap.append(item)
    # _sift_toward_root, inline: this is the hot path.
    while pos > 0:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if item < above:
            heap[pos] = above
            pos = parent
        else:
            break
    heap[pos] = item


def heappop(heap):
    if not heap:
        raise IndexError('index out of range')
    item = heap.pop()
    end = len(heap)
    if end == 0:
        return item
    top = heap[0]
    # _sift_from_root(heap, 0) with `item` at the root, inline: walk the smaller child down to
    # a leaf, then bubble the item back up.
    pos = 0
    child = 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    while pos > 0:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if item < above:
            heap[pos] = above
            pos = parent
        else:
            break
    heap[pos] = item
    return top


def heapreplace(heap, item):
    if not heap:
        raise IndexError('index out of range')
    top = heap[0]
    heap[0] = item
    _sift_from_root(heap, 0)
    return top


def heappushpop(heap, item):
    if heap and heap[0] < item:
        top = heap[0]
        heap[0] = item
        _sift_from_root(heap, 0)
        return top
    return item


def heapify(x):
    if not isinstance(x, list):
        raise TypeError('heap argument must be a list')
    i = len(x) // 2 - 1
    while i >= 0:
        _sift_from_root(x, i)
        i -= 1


# Max-heap variants, used by nsmallest and by merge(reverse=True).

def _sift_toward_root_max(heap, root, pos):
    item = heap[pos]
    while pos > root:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if above < item:
            heap[pos] = above
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_from_root_max(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root_max(heap, start, pos)


def _heappop_max(heap):
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _sift_from_root_max(heap, 0)
        return top
    return last


def _heapreplace_max(heap, item):
    if not heap:
        raise IndexError('index out of range')
    top = heap[0]
    heap[0] = item
    _sift_from_root_max(heap, 0)
    return top


def _heapify_max(x):
    i = len(x) // 2 - 1
    while i >= 0:
        _sift_from_root_max(x, i)
        i -= 1


# One lazy sorted stream out of several sorted inputs; equal items keep the order of the
# inputs they came from.
def merge(*iterables, key=None, reverse=False):
    heap = []
    sentinel = object()
    # Entries are [sort key, tie-breaker, value, iterator]; the tie-breaker is unique so values
    # and iterators are never compared.
    if reverse:
        step = -1
    else:
        step = 1
    order = 0
    for it in iterables:
        it = iter(it)
        value = next(it, sentinel)
        if value is not sentinel:
            if key is None:
                heap.append([value, order * step, value, it])
            else:
                heap.append([key(value), order * step, value, it])
        order += 1
    if reverse:
        _heapify_max(heap)
        fix = _sift_from_root_max
    else:
        heapify(heap)
        fix = _sift_from_root
    while len(heap) > 1:
        entry = heap[0]
        yield entry[2]
        value = next(entry[3], sentinel)
        if value is sentinel:
            last = heap.pop()
            heap[0] = last
        else:
            if key is None:
                entry[0] = value
            else:
                entry[0] = key(value)
            entry[2] = value
        fix(heap, 0)
    if heap:
        entry = heap[0]
        yield entry[2]
        for value in entry[3]:
            yield value


# nsmallest and nlargest give what sorted(iterable, key=key)[:n] (reverse=True for nlargest)
# would, keeping only n items at a time.
def nsmallest(n, iterable, key=None):
    if n == 1:
        sentinel = object()
        if key is None:
            best = min(iterable, default=sentinel)
        else:
            best = min(iterable, default=sentinel, key=key)
        if best is sentinel:
            return []
        return [best]
    if n <= 0:
        return []
    if isinstance(iterable, (list, tuple, str, dict, set, range)) and n >= len(iterable):
        return sorted(iterable, key=key)[:n]
    # A max-heap of the n smallest seen so far, as [key, index, value]: the index keeps the
    # earlier of two equal items (and values are never compared).
    heap = []
    index = 0
    it = iter(iterable)
    for value in it:
        if key is None:
            heap.append([value, index, value])
        else:
            heap.append([key(value), index, value])
        index += 1
        if index >= n:
            break
    if not heap:
        return []
    _heapify_max(heap)
    top = heap[0][0]
    for value in it:
        if key is None:
            k = value
        else:
            k = key(value)
        if k < top:
            heap[0] = [k, index, value]
            _sift_from_root_max(heap, 0)
            top = heap[0][0]
        index += 1
    heap.sort()
    return [entry[2] for entry in heap]


def nlargest(n, iterable, key=None):
    if n == 1:
        sentinel = object()
        if key is None:
            best = max(iterable, default=sentinel)
        else:
            best = max(iterable, default=sentinel, key=key)
        if best is sentinel:
            return []
        return [best]
    if n <= 0:
        return []
    if isinstance(iterable, (list, tuple, str, dict, set, range)) and n >= len(iterable):
        return sorted(iterable, key=key, reverse=True)[:n]
    # A min-heap of the n largest seen so far, as [key, -index, value]: of two equal keys the
    # later item is the smaller entry and leaves first.
    heap = []
    index = 0
    it = iter(iterable)
    for value in it:
        if key is None:
            heap.append([value, index, value])
        else:
            heap.append([key(value), index, value])
        index -= 1
        if -index >= n:
            break
    if not heap:
        return []
    heapify(heap)
    top = heap[0][0]
    for value in it:
        if key is None:
            k = value
        else:
            k = key(value)
        if top < k:
            heap[0] = [k, index, value]
            _sift_from_root(heap, 0)
            top = heap[0][0]
        index -= 1
    heap.sort(reverse=True)
    return [entry[2] for entry in heap]
