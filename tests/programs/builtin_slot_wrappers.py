tests = [
 "(5).__add__(3)", "int.__add__(1, 2)", "'ab'.__len__()", "str.__len__('abc')", "[1,2].__getitem__(0)",
 "list.__getitem__([1,2], 1)", "{'a':1}.__getitem__('a')", "(3).__mul__(2.0)", "(1.5).__add__(1)",
 "object.__eq__(1, 1)", "(2).__lt__(3)", "'a'.__eq__('a')", "[1].__len__()", "(1,2).__contains__(2)",
 "{1}.__contains__(1)", "(7).__hash__() == hash(7)", "int.__new__(int, 5)", "float.__repr__(1.5)",
 "str.__str__('x')", "(3).__neg__()", "abs.__name__", "(10).__floordiv__(3)", "(10).__rfloordiv__(3)",
 "'x'.__mul__(3)", "(1).__bool__()", "list.__len__([1])", "dict.__len__({})", "(4).__pow__(2)",
 "(4).__index__()", "(2.5).__int__()", "(2).__float__()", "'a'.__add__('b')", "'%s'.__mod__(1)",
 "[1].__add__([2])", "[3].__iter__().__next__()", "(5).__format__('03')", "object.__hash__(None) is not None",
 "type(None).__bool__(None)", "(1).__sub__(2)", "(1).__radd__(2)", "(1).__eq__(1.0)", "(1).__ne__(2)",
 "[].__class__.__name__", "(1).__ge__(0)", "(5).__divmod__(2)", "(5).__truediv__(2)", "(5).__mod__(2)",
 "(5).__and__(3)", "(5).__or__(3)", "(5).__xor__(3)", "(5).__lshift__(1)", "(5).__rshift__(1)", "(5).__invert__()",
 "(5).__pos__()", "(5).__abs__()", "(5.5).__floor__()", "(5.5).__round__()", "(5).__trunc__()", "(5).__ceil__()",
]
for t in tests:
    try:
        print(t, '->', eval(t))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)

more = [
    "{1, 2}.__or__({3})", "{1, 2}.__or__([3])", "{1, 2}.__sub__({2})", "frozenset({1}).__rand__({1, 5})",
    "{1}.__eq__(frozenset({1}))", "{1}.__le__({1, 2})", "{1}.__lt__([1])", "'b'.__gt__('a')", "'a'.__lt__(1)",
    "'a'.__rmod__(1)", "'a'.__rmul__(3)", "[1].__rmul__(2)", "[1].__lt__([2])", "[1].__eq__((1,))",
    "[1].__lt__((2,))", "(1).__eq__(1.0)", "(1.0).__eq__(1)", "(1).__lt__(2.5)", "(2.5).__gt__(1)",
    "(1j).__lt__(2j)", "(1j).__eq__(1j)", "(2).__pow__(3, 5)", "(2).__rpow__(3, 5)", "(2).__pow__(2.0)",
    "(2.0).__rtruediv__(1)", "(7).__rdivmod__(30)", "(7.5).__divmod__(2)", "(True).__add__(1)",
    "(1).__add__(True)", "(-7).__rfloordiv__(20)", "(3.7).__trunc__()", "(-3.2).__floor__()", "(3.2).__ceil__()",
    "(2.675).__round__(2)", "(5).__round__(-1)", "(255).__format__('x')", "(1.5).__format__('.3f')",
    "'x'.__format__('>3')", "(3).__float__()", "(3.9).__int__()", "(0.0).__bool__()", "None.__bool__()",
    "range(5).__len__()", "range(5).__contains__(3)", "range(5).__getitem__(-1)", "range(3).__eq__(range(0, 3))",
    "list(range(3).__iter__())", "[1, 2].__add__([3])", "[1].__mul__(3)", "list([1, 2, 3].__reversed__())",
    "{'a': 1}.keys().__len__()", "{'a': 1}.items().__contains__(('a', 1))", "list({'a': 1}.values().__iter__())",
    "iter([5, 6]).__next__()", "iter((5, 6)).__iter__().__next__()", "enumerate('ab').__next__()",
    "zip('a', 'b').__next__()", "int.__mul__(3, 4)", "int.__add__('a', 1)", "float.__add__(1, 2)",
    "str.__len__(5)", "list.__add__([1], (2,))", "int.__dict__ if False else 0",
]
for t in more:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)

# Built-in slot wrappers as functions.
import functools
print(functools.reduce(int.__add__, range(10)))
print(list(map(str.__len__, ['a', 'bb', 'ccc'])))
print(sorted(['ccc', 'a', 'bb'], key=str.__len__))
print(list(map(float.__neg__, [1.5, -2.0])))
print(getattr(object, '__lt__') is getattr(object, '__lt__'), int.__add__ is int.__add__)
print([hasattr(v, n) for v in (1, 'a', [], {}, (), None, 1.5) for n in ('__len__', '__add__', '__iter__')])
it = iter([1, 2, 3])
print(it.__next__(), next(it), it.__next__())
try:
    it.__next__()
except StopIteration:
    print('StopIteration')


# The base class's operator from an override, without recursion into the override.
class Bag(list):
    def __add__(self, other):
        return Bag(list.__add__(self, other))

    def __eq__(self, other):
        return super().__eq__(other)

    def __iadd__(self, other):
        print('iadd', other)
        return super().__iadd__(other)

    def __lt__(self, other):
        return list.__lt__(self, other)


b = Bag([1, 2])
c = b + [3]
print(type(c).__name__, c, b == [1, 2], b == Bag([1, 2]), b != [1], b < [1, 3], b.__eq__((1, 2)))
b += [9]
print(b, type(b).__name__)
del b[0]
print(b, list(reversed(b)), list(b.__reversed__()))
b.__delitem__(0)
print(b, Bag([3]) * 2, 2 * Bag([4]))


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


print(Version(1) <= Version(2), Version(3) >= Version(2), Version(2) > Version(5))


class Plain:
    pass


p = Plain()
print(p.__lt__(p), p.__eq__(p), p.__ne__(p), p.__ne__(1), format(p, '')[:9], p.__format__('')[:9])
try:
    format(p, 'x')
except TypeError as e:
    print(e)
