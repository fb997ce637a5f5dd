"""Type hints (bundled with stitch): the names of CPython's `typing` that programs import, as
objects that can be subscripted, compared and printed. stitch checks no types: like CPython at
run time, it only needs annotations to evaluate."""

TYPE_CHECKING = False


class _Form:
    """A special form or generic alias: `Any`, `Optional[int]`, `List[str]`, ..."""

    def __init__(self, name, args=()):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Form(self._name, params)

    def __repr__(self):
        if not self.__args__:
            return 'typing.' + self._name
        return 'typing.' + self._name + '[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'

    def __eq__(self, other):
        return isinstance(other, _Form) and self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate typing.' + self._name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _type_repr(t):
    if isinstance(t, type):
        if t.__module__ == 'builtins':
            return t.__qualname__
        return t.__module__ + '.' + t.__qualname__
    if isinstance(t, list):
        return '[' + ', '.join(_type_repr(a) for a in t) + ']'
    if t is Ellipsis:
        return '...'
    if t is None:
        return 'None'
    return repr(t)


Any = _Form('Any')
Union = _Form('Union')
Optional = _Form('Optional')
List = _Form('List')
Dict = _Form('Dict')
Set = _Form('Set')
FrozenSet = _Form('FrozenSet')
Tuple = _Form('Tuple')
Type = _Form('Type')
Callable = _Form('Callable')
Iterable = _Form('Iterable')
Iterator = _Form('Iterator')
Generator = _Form('Generator')
Sequence = _Form('Sequence')
MutableSequence = _Form('MutableSequence')
Mapping = _Form('Mapping')
MutableMapping = _Form('MutableMapping')
Collection = _Form('Collection')
Container = _Form('Container')
Hashable = _Form('Hashable')
Sized = _Form('Sized')
Reversible = _Form('Reversible')
DefaultDict = _Form('DefaultDict')
OrderedDict = _Form('OrderedDict')
Counter = _Form('Counter')
Deque = _Form('Deque')
ClassVar = _Form('ClassVar')
Final = _Form('Final')
Literal = _Form('Literal')
Annotated = _Form('Annotated')
NoReturn = _Form('NoReturn')
Never = _Form('Never')
Self = _Form('Self')
LiteralString = _Form('LiteralString')
TypeAlias = _Form('TypeAlias')
Text = str
AnyStr = _Form('AnyStr')


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__


class Generic:
    """Base of user generic classes: `class Stack(Generic[T])`."""

    def __class_getitem__(cls, params):
        return cls


class Protocol:
    def __class_getitem__(cls, params):
        return cls


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj):
    return dict(getattr(obj, '__annotations__', {}))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type
