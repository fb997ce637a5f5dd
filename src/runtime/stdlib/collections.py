"""Container datatypes (bundled with stitch; the same interface as CPython's `collections`):
deque, a double-ended queue kept in a ring buffer; defaultdict, Counter and OrderedDict, subclasses
of dict as CPython's are (OrderedDict relies on dict keeping insertion order); and namedtuple,
which builds a class whose instances hold their fields in a tuple and behave like tuples
(indexing, unpacking, equality and hashing with plain tuples). UserDict, UserList and UserString
live in `_collections_user`; deque is registered as a MutableSequence, as in CPython."""

import sys

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString', 'defaultdict',
           'deque', 'namedtuple']


def _as_index(n):
    # What operator.index does, for arguments that must be integers.
    if isinstance(n, int):
        return n
    method = getattr(type(n), '__index__', None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    return method(n)


# id() of the containers whose repr is being made, so that one inside itself shows as '...'.
_repr_running = set()


################################################################################
# deque
################################################################################

class deque:

    __hash__ = None

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            maxlen = _as_index(maxlen)
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        # maxlen as an int for the hot paths (-1 when unbounded: never equal to a size).
        if maxlen is None:
            self._limit = -1
        else:
            self._limit = maxlen
        # A ring buffer whose length is a power of two: item i is _buf[(_head + i) & _mask].
        self._buf = [None] * 8
        self._mask = 7
        self._head = 0
        self._size = 0
        if iterable is not ():
            self.extend(iterable)

    def _grow(self):
        # Called when the ring is full: unroll it from its head into a list twice as long.
        buf = self._buf
        head = self._head
        cap = self._mask + 1
        if head:
            items = buf[head:] + buf[:head]
        else:
            items = buf
        items.extend([None] * cap)
        self._buf = items
        self._mask = cap * 2 - 1
        self._head = 0

    def _items(self):
        # The items in order, as a new list.
        buf = self._buf
        head = self._head
        end = head + self._size
        if end <= self._mask + 1:
            return buf[head:end]
        return buf[head:] + buf[:end & self._mask]

    def _reset(self, items):
        cap = 8
        while cap <= len(items):
            cap *= 2
        buf = list(items)
        buf.extend([None] * (cap - len(items)))
        self._buf = buf
        self._mask = cap - 1
        self._head = 0
        self._size = len(items)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x):
        size = self._size
        if size == self._limit:
            if size == 0:
                return
            head = self._head
            self._buf[head] = None
            self._head = (head + 1) & self._mask
            size -= 1
        elif size > self._mask:
            self._grow()
        self._buf[(self._head + size) & self._mask] = x
        self._size = size + 1

    def appendleft(self, x):
        size = self._size
        if size == self._limit:
            if size == 0:
                return
            self._buf[(self._head + size - 1) & self._mask] = None
            size -= 1
        elif size > self._mask:
            self._grow()
        head = (self._head - 1) & self._mask
        self._buf[head] = x
        self._head = head
        self._size = size + 1

    def pop(self):
        size = self._size
        if size == 0:
            raise IndexError('pop from an empty deque')
        size -= 1
        i = (self._head + size) & self._mask
        buf = self._buf
        x = buf[i]
        buf[i] = None
        self._size = size
        return x

    def popleft(self):
        if self._size == 0:
            raise IndexError('pop from an empty deque')
        head = self._head
        buf = self._buf
        x = buf[head]
        buf[head] = None
        self._head = (head + 1) & self._mask
        self._size -= 1
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = self._items()
        append = self.append
        for x in iterable:
            append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = self._items()
        appendleft = self.appendleft
        for x in iterable:
            appendleft(x)

    def clear(self):
        self._buf = [None] * 8
        self._mask = 7
        self._head = 0
        self._size = 0

    def copy(self):
        if type(self) is deque:
            d = deque((), self._maxlen)
            d._reset(self._items())
            return d
        return type(self)(self, self._maxlen)

    def __copy__(self):
        return self.copy()

    def count(self, value):
        n = 0
        for x in self._items():
            if x is value or x == value:
                n += 1
        return n

    def index(self, value, start=0, stop=sys.maxsize):
        size = self._size
        if start < 0:
            start += size
            if start < 0:
                start = 0
        if stop < 0:
            stop += size
            if stop < 0:
                stop = 0
        if stop > size:
            stop = size
        buf = self._buf
        mask = self._mask
        head = self._head
        i = start
        while i < stop:
            x = buf[(head + i) & mask]
            if x is value or x == value:
                return i
            i += 1
        raise ValueError('%r is not in deque' % (value,))

    def insert(self, index, value):
        if self._size == self._limit:
            raise IndexError('deque already at its maximum size')
        items = self._items()
        items.insert(index, value)
        self._reset(items)

    def remove(self, value):
        items = self._items()
        for i in range(len(items)):
            x = items[i]
            if x is value or x == value:
                del items[i]
                self._reset(items)
                return
        raise ValueError('%r is not in deque' % (value,))

    def reverse(self):
        items = self._items()
        items.reverse()
        self._reset(items)

    def rotate(self, n=1):
        n = _as_index(n)
        size = self._size
        if size <= 1:
            return
        n = n % size
        if n == 0:
            return
        if size == self._mask + 1:
            # A full ring: rotating only moves its start.
            self._head = (self._head - n) & self._mask
            return
        if n <= size // 2:
            for _ in range(n):
                self.appendleft(self.pop())
        else:
            for _ in range(size - n):
                self.append(self.popleft())

    def _position(self, index):
        if not isinstance(index, int):
            if hasattr(type(index), '__index__'):
                index = _as_index(index)
            else:
                raise TypeError('sequence index must be integer, not %r' % type(index).__name__)
        size = self._size
        if index < 0:
            index += size
        if index < 0 or index >= size:
            raise IndexError('deque index out of range')
        return (self._head + index) & self._mask

    def __getitem__(self, index):
        return self._buf[self._position(index)]

    def __setitem__(self, index, value):
        self._buf[self._position(index)] = value

    def __delitem__(self, index):
        self._position(index)
        items = self._items()
        del items[index]
        self._reset(items)

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size != 0

    def __iter__(self):
        # Like CPython's, the iterator fails once the deque has changed under it (its size,
        # start or storage moved), even after the last item.
        buf = self._buf
        mask = self._mask
        head = self._head
        size = self._size
        i = 0
        while True:
            if self._size != size or self._head != head or self._buf is not buf:
                raise RuntimeError('deque mutated during iteration')
            if i == size:
                return
            yield buf[(head + i) & mask]
            i += 1

    def __reversed__(self):
        buf = self._buf
        mask = self._mask
        head = self._head
        size = self._size
        i = size - 1
        while True:
            if self._size != size or self._head != head or self._buf is not buf:
                raise RuntimeError('deque mutated during iteration')
            if i < 0:
                return
            yield buf[(head + i) & mask]
            i -= 1

    def __contains__(self, value):
        buf = self._buf
        mask = self._mask
        head = self._head
        for i in range(self._size):
            x = buf[(head + i) & mask]
            if x is value or x == value:
                return True
        return False

    def __repr__(self):
        name = type(self).__name__
        key = id(self)
        if key in _repr_running:
            return '[...]'
        _repr_running.add(key)
        try:
            items = repr(self._items())
        finally:
            _repr_running.discard(key)
        if self._maxlen is None:
            return '%s(%s)' % (name, items)
        return '%s(%s, maxlen=%d)' % (name, items, self._maxlen)

    def __eq__(self, other):
        if isinstance(other, deque):
            return self._items() == other._items()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, deque):
            return self._items() != other._items()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, deque):
            return self._items() < other._items()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, deque):
            return self._items() <= other._items()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, deque):
            return self._items() > other._items()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, deque):
            return self._items() >= other._items()
        return NotImplemented

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        result = self.copy()
        result._reset([])
        result.extend(self._items() * n if n > 0 else [])
        return result

    def __rmul__(self, n):
        return self.__mul__(n)

    def __imul__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        items = self._items()
        self.clear()
        self.extend(items * n if n > 0 else [])
        return self


################################################################################
# dict subclasses: defaultdict, OrderedDict, Counter
################################################################################

class defaultdict(dict):

    def __init__(self, default_factory=None, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        if len(args) > 1:
            raise TypeError('dict expected at most 1 argument, got %d' % len(args))
        dict.__init__(self, *args, **kwds)
        self.default_factory = default_factory

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    def __copy__(self):
        return self.copy()

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            f = 'None'
        else:
            f = repr(factory)
        return '%s(%s, %s)' % (type(self).__name__, f, dict.__repr__(self))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        dict.update(result, other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, other)
        dict.update(result, self)
        return result

    def __ior__(self, other):
        dict.update(self, other)
        return self


class OrderedDict(dict):

    def __init__(self, other=(), **kwds):
        dict.__init__(self, other, **kwds)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        for key in self:
            break
        return (key, dict.pop(self, key))

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def keys(self):
        return _OrderedKeys(self)

    def values(self):
        return _OrderedValues(self)

    def items(self):
        return _OrderedItems(self)

    def copy(self):
        return type(self)(self)

    def __copy__(self):
        return self.copy()

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(dict.items(self)) == list(dict.items(other))
        if isinstance(other, dict):
            return dict.__eq__(self, other)
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self)
        dict.update(result, other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(other)
        dict.update(result, self)
        return result

    def __ior__(self, other):
        dict.update(self, other)
        return self

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return '%s(%r)' % (type(self).__name__, list(dict.items(self)))
        finally:
            _repr_running.discard(key)


class _OrderedView:
    # The views of an OrderedDict (odict_keys, odict_values, odict_items), live on it.

    _kind = ''

    def __init__(self, od):
        self._od = od

    def _view(self):
        od = self._od
        if self._kind == 'keys':
            return dict.keys(od)
        if self._kind == 'values':
            return dict.values(od)
        return dict.items(od)

    def __len__(self):
        return len(self._od)

    def __iter__(self):
        return iter(self._view())

    def __reversed__(self):
        return iter(list(self._view())[::-1])

    def __contains__(self, x):
        return x in self._view()

    def __repr__(self):
        return 'odict_%s(%r)' % (self._kind, list(self._view()))


class _OrderedSetView(_OrderedView):
    # keys and items views are set-like.

    __hash__ = None

    def __eq__(self, other):
        if isinstance(other, (set, frozenset, _OrderedSetView)):
            return set(self) == set(other)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, (set, frozenset, _OrderedSetView)):
            return set(self) != set(other)
        return NotImplemented

    def __and__(self, other):
        return set(self) & set(other)

    def __or__(self, other):
        return set(self) | set(other)

    def __sub__(self, other):
        return set(self) - set(other)

    def __xor__(self, other):
        return set(self) ^ set(other)

    def __rand__(self, other):
        return set(other) & set(self)

    def __ror__(self, other):
        return set(other) | set(self)

    def __rsub__(self, other):
        return set(other) - set(self)

    def __rxor__(self, other):
        return set(other) ^ set(self)

    def isdisjoint(self, other):
        for x in other:
            if x in self:
                return False
        return True


class _OrderedKeys(_OrderedSetView):
    _kind = 'keys'


class _OrderedValues(_OrderedView):
    _kind = 'values'


class _OrderedItems(_OrderedSetView):
    _kind = 'items'


_dict_setitem = dict.__setitem__
_dict_get = dict.get


class Counter(dict):

    def __init__(self, iterable=None, **kwds):
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def __delitem__(self, key):
        if key in self:
            dict.__delitem__(self, key)

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=_second, reverse=True)
        if n is None:
            return items
        if n < 0:
            n = 0
        return items[:n]

    def elements(self):
        for elem, count in list(self.items()):
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict) or hasattr(iterable, 'keys'):
                if self:
                    get = self.get
                    for elem in iterable.keys():
                        self[elem] = iterable[elem] + get(elem, 0)
                else:
                    for elem in iterable.keys():
                        self[elem] = iterable[elem]
            elif type(self).__setitem__ is _dict_setitem and type(self).get is _dict_get:
                # Count into a plain dict (whose item assignment is the fastest), then merge.
                counts = {}
                get = counts.get
                for elem in iterable:
                    counts[elem] = get(elem, 0) + 1
                if self:
                    get = self.get
                    for elem, n in counts.items():
                        self[elem] = get(elem, 0) + n
                else:
                    dict.update(self, counts)
            else:
                get = self.get
                for elem in iterable:
                    self[elem] = get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            get = self.get
            if isinstance(iterable, dict) or hasattr(iterable, 'keys'):
                for elem in iterable.keys():
                    self[elem] = get(elem, 0) - iterable[elem]
            else:
                for elem in iterable:
                    self[elem] = get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    def __copy__(self):
        return self.copy()

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return '%s(%r)' % (type(self).__name__, d)

    # Comparisons treat missing elements as having zero counts.

    def __eq__(self, other):
        if not isinstance(other, Counter):
            if isinstance(other, dict):
                return dict.__eq__(self, other)
            return NotImplemented
        for e, c in self.items():
            if c != other[e]:
                return False
        for e, c in other.items():
            if c != self[e]:
                return False
        return True

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for e, c in self.items():
            if not c <= other[e]:
                return False
        for e, c in other.items():
            if not self[e] <= c:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for e, c in self.items():
            if not c >= other[e]:
                return False
        for e, c in other.items():
            if not self[e] >= c:
                return False
        return True

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    # Multiset arithmetic: results keep only positive counts.

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            n = count + other[elem]
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            n = count - other[elem]
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            o = other[elem]
            n = o if count < o else count
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            o = other[elem]
            n = count if count < o else o
            if n > 0:
                result[elem] = n
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        get = self.get
        for elem, count in other.items():
            self[elem] = get(elem, 0) + count
        return self._keep_positive()

    def __isub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        get = self.get
        for elem, count in other.items():
            self[elem] = get(elem, 0) - count
        return self._keep_positive()

    def __ior__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        get = self.get
        for elem, count in other.items():
            if count > get(elem, 0):
                self[elem] = count
        return self._keep_positive()

    def __iand__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for elem, count in list(self.items()):
            o = other[elem]
            if o < count:
                self[elem] = o
        return self._keep_positive()


def _second(pair):
    return pair[1]


class ChainMap:

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return default

    def __len__(self):
        return len(self._merged())

    def _merged(self):
        d = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                d[key] = None
        return d

    def __iter__(self):
        return iter(self._merged())

    def __contains__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return True
        return False

    def __bool__(self):
        for mapping in self.maps:
            if mapping:
                return True
        return False

    def keys(self):
        return list(self._merged())

    def items(self):
        return [(k, self[k]) for k in self._merged()]

    def values(self):
        return [self[k] for k in self._merged()]

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join([repr(m) for m in self.maps]))

    def new_child(self, m=None):
        if m is None:
            m = {}
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def pop(self, key, *default):
        try:
            return self.maps[0].pop(key, *default)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def clear(self):
        self.maps[0].clear()

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])


################################################################################
# namedtuple
################################################################################

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if',
    'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield'])


def _join_names(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


class _NamedTuple(tuple):
    # The behaviour every namedtuple class shares: a tuple subclass, as in CPython, so that
    # indexing, hashing, comparisons and unpacking are the tuple's own.

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if not kwargs and len(args) == cls._nfields:
            return tuple.__new__(cls, args)
        return tuple.__new__(cls, cls._bind(args, kwargs))

    @classmethod
    def _bind(cls, args, kwargs):
        # Arguments to values, with the errors CPython's generated __new__ raises.
        fields = cls._fields
        n = len(fields)
        where = cls._typename + '.__new__()'
        defaults = cls._field_defaults
        if len(args) > n:
            required = n - len(defaults)
            if defaults:
                raise TypeError('%s takes from %d to %d positional arguments but %d were given'
                                % (where, required + 1, n + 1, len(args) + 1))
            raise TypeError('%s takes %d positional arguments but %d were given'
                            % (where, n + 1, len(args) + 1))
        values = list(args)
        missing_marker = _MISSING
        values.extend([missing_marker] * (n - len(args)))
        for key, value in kwargs.items():
            if key not in fields:
                raise TypeError("%s got an unexpected keyword argument '%s'" % (where, key))
            i = fields.index(key)
            if i < len(args):
                raise TypeError("%s got multiple values for argument '%s'" % (where, key))
            values[i] = value
        missing = []
        for i in range(n):
            if values[i] is missing_marker:
                name = fields[i]
                if name in defaults:
                    values[i] = defaults[name]
                else:
                    missing.append(name)
        if missing:
            if len(missing) == 1:
                raise TypeError('%s missing 1 required positional argument: %s'
                                % (where, _join_names(missing)))
            raise TypeError('%s missing %d required positional arguments: %s'
                            % (where, len(missing), _join_names(missing)))
        return values

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != cls._nfields:
            raise TypeError('Expected %d arguments, got %d' % (cls._nfields, len(result)))
        return result

    def _replace(self, **kwds):
        values = list(self)
        fields = self._fields
        for i in range(len(fields)):
            name = fields[i]
            if name in kwds:
                values[i] = kwds.pop(name)
        if kwds:
            raise ValueError('Got unexpected field names: %r' % (list(kwds),))
        return self._make(values)

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __repr__(self):
        fields = self._fields
        parts = []
        for i in range(len(fields)):
            parts.append('%s=%r' % (fields[i], self[i]))
        return type(self).__name__ + '(' + ', '.join(parts) + ')'

    def __getnewargs__(self):
        return tuple(self)

    def __reduce__(self):
        # (stitch's copy module reads reductions; CPython reaches the same through copyreg.)
        return (type(self)._make, (tuple(self),))


class _Missing:
    pass


_MISSING = _Missing()


def _field_getter(index):
    def get(self):
        return self[index]
    return get


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    typename = str(typename)
    if rename:
        seen = set()
        for index in range(len(field_names)):
            name = field_names[index]
            if (not name.isidentifier() or name in _KEYWORDS or name.startswith('_')
                    or name in seen):
                field_names[index] = '_%d' % index
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r' % (name,))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a keyword: %r' % (name,))
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % (name,))
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        start = len(field_names) - len(defaults)
        for i in range(len(defaults)):
            field_defaults[field_names[start + i]] = defaults[i]

    # The class derives from tuple directly, as CPython's does; _NamedTuple lends its methods.
    namespace = {}
    for name, value in _NamedTuple.__dict__.items():
        if name not in ('__dict__', '__weakref__', '__module__', '__qualname__', '__doc__'):
            namespace[name] = value
    if module is None:
        module = '__main__'
    namespace['__module__'] = module
    namespace['__qualname__'] = typename
    namespace['__slots__'] = ()
    namespace['_fields'] = tuple(field_names)
    namespace['_field_defaults'] = field_defaults
    namespace['_nfields'] = len(field_names)
    namespace['_typename'] = typename
    namespace['__match_args__'] = tuple(field_names)
    for index in range(len(field_names)):
        namespace[field_names[index]] = property(_field_getter(index))
    return type(typename, (tuple,), namespace)


from collections.abc import MutableSequence as _MutableSequence
_MutableSequence.register(deque)
del _MutableSequence
from _collections_user import UserDict, UserList, UserString
