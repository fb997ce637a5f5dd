class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['tag'] = name.lower()
        print('Meta.__new__', name)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns):
        print('Meta.__init__', name)
        super().__init__(name, bases, ns)

class Base(metaclass=Meta):
    pass

D = type('Derived', (Base,), {'x': 1})
print(type(D).__name__, D.tag, D.x, isinstance(D(), Base))
E = Meta('Explicit', (), {})
print(type(E).__name__, E.tag)
print(type(type('P', (), {})).__name__)
F = type.__new__(type, 'ViaNew', (Base,), {})
print(type(F).__name__, F.tag)


class Other(type):
    pass


class B2(metaclass=Other):
    pass


try:
    type('Mixed', (Base, B2), {})
except TypeError as e:
    print('TypeError', e)
