from collections.abc import Mapping, MutableMapping, Sequence, Iterable, Iterator, Sized, Hashable, Callable, Set, MutableSet, Container, Collection, Generator, MutableSequence, Reversible
import collections.abc
import collections
print(isinstance([], Sequence), isinstance((), Sequence), isinstance("s", Sequence), isinstance({}, Sequence))
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance([], Mapping), isinstance(collections.OrderedDict(), Mapping))
print(isinstance([], Iterable), isinstance(5, Iterable), isinstance(iter([]), Iterator), isinstance([], Iterator))
print(isinstance(len, Callable), isinstance(lambda: 0, Callable), isinstance(3, Callable), isinstance(print, Callable))
print(isinstance(set(), Set), isinstance(frozenset(), MutableSet), isinstance(set(), MutableSet), isinstance(3, Hashable), isinstance([], Hashable))
print(issubclass(list, MutableSequence), issubclass(tuple, MutableSequence), issubclass(dict, Collection), issubclass(int, Sized))
def g(): yield 1
print(isinstance(g(), Generator), isinstance(g(), Iterator), isinstance(range(3), Reversible), isinstance((x for x in []), Iterable))
class Bag:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __iter__(self): return iter(self.items)
    def __contains__(self, x): return x in self.items
print(isinstance(Bag(), Sized), isinstance(Bag(), Collection), isinstance(Bag(), Container), isinstance(Bag(), Sequence))
class Frozen(Mapping):
    def __init__(self, **kw): self._d = dict(kw)
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
f = Frozen(a=1, b=2)
print(f["a"], f.get("z", 0), "a" in f, list(f.keys()), list(f.items()), list(f.values()), f == {"a": 1, "b": 2}, isinstance(f, Mapping), len(f))
print(f.keys() & {"a", "c"}, sorted(f.keys() | {"q"}))
class Store(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
s = Store()
s.update({"x": 1}, y=2); s.setdefault("z", 3); print(s.pop("x"), s.popitem(), dict(s.items()), len(s))
class MyList(MutableSequence):
    def __init__(self): self._l = []
    def __getitem__(self, i): return self._l[i]
    def __setitem__(self, i, v): self._l[i] = v
    def __delitem__(self, i): del self._l[i]
    def __len__(self): return len(self._l)
    def insert(self, i, v): self._l.insert(i, v)
m = MyList(); m.extend([3, 1, 2]); m.append(9); m.reverse(); m += [5]
print(list(m), m.index(1), m.count(3), 2 in m, list(reversed(m)), m.pop(), isinstance(m, Sequence))
class Ints(Set):
    def __init__(self, it=()): self._s = set(it)
    def __contains__(self, x): return x in self._s
    def __iter__(self): return iter(sorted(self._s))
    def __len__(self): return len(self._s)
a, b = Ints([1, 2, 3]), Ints([2, 3, 4])
print(list(a & b), list(a | b), list(a - b), list(a ^ b), a <= Ints([1, 2, 3, 4]), a.isdisjoint([9]))
Sequence.register(Bag)
print(isinstance(Bag(), Sequence), isinstance(Bag(), Reversible), collections.abc.Sequence is Sequence)
