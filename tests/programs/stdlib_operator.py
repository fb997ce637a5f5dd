# operator, the bundled Python module: the operator functions, in-place forms, dunder aliases,
# itemgetter/attrgetter/methodcaller with their reprs, index and length_hint.
import operator
from operator import itemgetter, attrgetter, methodcaller


def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '-> %s: %s' % (type(e).__name__, e))


print(operator.add(2, 3), operator.sub(2, 3), operator.mul(4, 5), operator.truediv(7, 2))
print(operator.floordiv(-7, 2), operator.mod(-7, 3), operator.neg(5), operator.pos(-5), operator.pow(2, 10))
print(operator.abs(-3.5), operator.inv(5), operator.invert(0), operator.lshift(1, 10), operator.rshift(1024, 3))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.add('a', 'b'), operator.mul([0], 3))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.not_(0), operator.not_([1]), operator.truth(''), operator.truth('x'), operator.is_(None, None), operator.is_not(1, None))
print(operator.and_({1, 2}, {2, 3}), operator.or_({1}, {2}), operator.sub({1, 2}, {1}), operator.xor(True, False))
print(operator.concat([1], [2]), operator.concat('ab', 'cd'), operator.contains([1, 2], 2), operator.contains('abc', 'd'))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf('abc', 'c'), operator.getitem([5, 6, 7], -1), operator.getitem('hello', slice(1, 3)))
l = [1, 2, 3]
operator.setitem(l, 0, 'x')
operator.delitem(l, 1)
print(l, operator.getitem({'k': 'v'}, 'k'))
d = {}
operator.setitem(d, 'a', 1)
print(d, operator.index(7), operator.index(True), operator.call(max, 3, 9), operator.call(sorted, [3, 1], reverse=True))
print(operator.length_hint([1, 2, 3]), operator.length_hint(x for x in []), operator.length_hint(7, 2))
class Hint:
    def __length_hint__(self):
        return 4
print(operator.length_hint(Hint()))
class Idx:
    def __index__(self):
        return 11
print(operator.index(Idx()), [10, 20, 30][operator.index(True)])
attempt('index str', lambda: operator.index('a'))
attempt('index float', lambda: operator.index(1.5))
attempt('indexOf missing', lambda: operator.indexOf([1], 2))
attempt('concat ints', lambda: operator.concat(1, 2))
attempt('truediv zero', lambda: operator.truediv(1, 0))

# in-place
a = [1]
b = operator.iadd(a, [2])
print(a, b, a is b, operator.iadd(1, 2), operator.isub(5, 3), operator.imul('ab', 2), operator.itruediv(1, 4))
print(operator.ifloordiv(9, 2), operator.imod(9, 4), operator.ipow(3, 3), operator.ilshift(1, 3), operator.irshift(16, 2))
print(operator.iand(6, 3), operator.ior(6, 3), operator.ixor(6, 3), operator.iconcat([1], (2,)))
s = {1}
operator.ior(s, {2})
print(s)

# dunder aliases
print(operator.__add__(1, 2), operator.__lt__(1, 2), operator.__getitem__('ab', 0), operator.__not__(1), operator.__neg__(3))
print(operator.__mul__ is operator.mul, operator.__invert__ is operator.invert)

# with reduce / map / sorted
from functools import reduce
print(reduce(operator.mul, range(1, 11)), reduce(operator.add, ['a', 'b', 'c']), list(map(operator.neg, [1, -2])))
print(list(map(operator.add, [1, 2], [10, 20])), sum(map(operator.mul, [1, 2, 3], [4, 5, 6])))
print(list(filter(operator.truth, [0, 1, '', 'x'])), sorted([3, 1, 2], key=operator.neg))

print('--- itemgetter')
g = itemgetter(1)
print(g([1, 2, 3]), g('abc'), g({1: 'one'}), itemgetter(0, 2)('abc'), itemgetter(slice(1, None))([1, 2, 3]))
print(g, itemgetter(1, 'a'), itemgetter('key'), itemgetter((1, 2)))
print(itemgetter('name')({'name': 'x'}), itemgetter(-1)((1, 2)), itemgetter(0, 0)([9]))
rows = [('b', 2, 'x'), ('a', 2, 'y'), ('c', 1, 'z')]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)), max(rows, key=itemgetter(0)))
print(list(map(itemgetter(2), rows)), min(rows, key=itemgetter(1, 2)))
attempt('itemgetter none', lambda: itemgetter())
attempt('itemgetter missing', lambda: itemgetter(5)([1]))
attempt('itemgetter key', lambda: itemgetter('z')({}))

print('--- attrgetter')
class Name:
    def __init__(self, first, last):
        self.first = first
        self.last = last
class Person:
    def __init__(self, first, last, age):
        self.name = Name(first, last)
        self.age = age
people = [Person('Ada', 'Lovelace', 36), Person('Alan', 'Turing', 41), Person('Grace', 'Hopper', 85)]
print(attrgetter('age')(people[0]), attrgetter('name.first')(people[1]), attrgetter('age', 'name.last')(people[2]))
print([p.name.last for p in sorted(people, key=attrgetter('name.last'))], attrgetter('name.first', 'name.last')(people[0]))
print(attrgetter('age'), attrgetter('name.first', 'age'), attrgetter('real')(3), attrgetter('imag', 'real')(2))
print(max(people, key=attrgetter('age')).name.first)
attempt('attrgetter missing', lambda: attrgetter('nope')(people[0]))
attempt('attrgetter dotted missing', lambda: attrgetter('name.middle')(people[0]))
attempt('attrgetter int', lambda: attrgetter(1))
attempt('attrgetter none', lambda: attrgetter())

print('--- methodcaller')
up = methodcaller('upper')
print(up('abc'), methodcaller('split', ',')('a,b,c'), methodcaller('replace', 'a', 'o', 1)('banana'))
print(methodcaller('get', 'k', 'default')({}), methodcaller('count', 1)([1, 1, 2]))
print(up, methodcaller('split', ','), methodcaller('f', 1, x=2, y='z'))
print(list(map(methodcaller('strip'), [' a ', 'b  '])), sorted(['b', 'A', 'c'], key=methodcaller('lower')))
class Greeter:
    def greet(self, whom, punct='!'):
        return 'hi ' + whom + punct
print(methodcaller('greet', 'you')(Greeter()), methodcaller('greet', 'all', punct='?')(Greeter()))
attempt('methodcaller int', lambda: methodcaller(1))
attempt('methodcaller missing', lambda: methodcaller('nope')(1))
attempt('methodcaller none', lambda: methodcaller())
