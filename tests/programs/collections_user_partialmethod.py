from collections import UserDict, UserList, UserString, deque
import collections.abc as cabc
from functools import partialmethod, partial
print(UserDict, UserList, UserString)
print(isinstance(deque(), cabc.MutableSequence), isinstance(deque(), cabc.Sequence), issubclass(deque, cabc.Sized))
d = UserDict({'a': 1}, b=2)
d['c'] = 3
print(d, len(d), 'a' in d, list(d), d.get('z', 9), d.pop('a'), d)
class Def(UserDict):
    def __missing__(self, key):
        return key * 2
m = Def()
print(m['xy'], m.get('q'), isinstance(m, cabc.MutableMapping), isinstance(m, dict))
print(d | {'z': 0}, {'y': 1} | d, type(d | {'z': 0}).__name__)
c = d.copy(); c['n'] = 1; print(c, d)
print(UserDict.fromkeys('ab', 0), Def.fromkeys([1]).__class__.__name__)
d.update([('k', 5)]); d.setdefault('w', 7); print(sorted(d.items()), d == {'b': 2, 'c': 3, 'k': 5, 'w': 7})
l = UserList([3, 1, 2])
l.append(0); l.sort(); print(l, l[1:], type(l[1:]).__name__, l[0], len(l))
l += [9]; l2 = l + [8]; l3 = [7] + l; print(l, l2, l3, l * 2, 2 * l)
print(l == [0, 1, 2, 3, 9], l < [5], 3 in l, l.index(3), l.count(1), l.pop(), l)
l.reverse(); l.extend(UserList([5])); l.insert(0, -1); l.remove(2); print(l)
del l[0]; l[0] = 100; print(l, list(reversed(l)), l.copy(), isinstance(l, cabc.MutableSequence))
s = UserString("Hello World")
print(s, repr(s), s.upper(), type(s.upper()).__name__, s[0], s[::-1], len(s), 'World' in s)
print(s.split(), s.replace('l', 'L', 2), s + '!', '>' + s, s * 2, s.find('o'), s.rfind('o'), s.count('l'))
print(s.startswith('He'), s.endswith('d'), s.center(15, '*'), s.zfill(13), s.lower().title(), s.strip('Hd'))
print(UserString('%s-%d') % ('a', 1), s == 'Hello World', s < 'Z', hash(s) == hash('Hello World'), sorted([UserString('b'), UserString('a')]))
print(s.partition(' '), s.join(['1', '2']), UserString(42), int(UserString('5')) + 1, s.encode())
class Cell:
    def __init__(self): self._alive = False
    def set_state(self, state, extra=None):
        self._alive = bool(state)
        return (state, extra)
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, extra='x')
    @classmethod
    def make(cls, a, b): return (cls.__name__, a, b)
    make1 = partialmethod(make, 1)
    @staticmethod
    def st(a, b): return a - b
    st10 = partialmethod(st, 10)
c = Cell()
print(c.set_alive(), c._alive, c.set_dead(), c._alive, c.make1(2), Cell.make1(3), c.st10(4))
print(Cell.set_alive(c), c._alive)
print(repr(Cell.__dict__['set_dead']).split(' at ')[0])
