"""Type hints (bundled with stitch): the names of CPython's `typing` that programs import, as
objects that can be subscripted, compared and printed. stitch checks no types: like CPython at
run time, it only needs annotations to evaluate. Protocol classes marked @runtime_checkable
answer isinstance() and issubclass() by their members, as CPython's do."""

from abc import ABCMeta

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


# Names a protocol class has that are not members of the protocol.
_NOT_PROTOCOL_MEMBERS = frozenset([
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
    '__qualname__', '__parameters__', '__orig_bases__', '__init_subclass__',
    '_is_protocol', '_is_runtime_protocol', '__protocol_attrs__', '__non_callable_proto_members__',
])


def _protocol_attrs(cls):
    # The members a protocol declares: its (and its protocol bases') attributes and annotations.
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in _NOT_PROTOCOL_MEMBERS:
                attrs.add(attr)
    return attrs


class _ProtocolMeta(ABCMeta):
    # isinstance() against a @runtime_checkable protocol checks the members structurally.

    def __instancecheck__(cls, instance):
        if cls.__dict__.get('_is_protocol', False) and not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with"
                            " @runtime_checkable protocols")
        if super().__instancecheck__(instance):
            return True
        if cls.__dict__.get('_is_protocol', False):
            for attr in _protocol_attrs(cls):
                if not hasattr(instance, attr):
                    return False
                if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                    return False
            return True
        return False


class Protocol(metaclass=_ProtocolMeta):
    """Base class of protocol classes (structural subtyping, PEP 544)."""

    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        # A class is a protocol when Protocol is among its direct bases.
        if '_is_protocol' not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if cls._is_protocol:
            def subclasshook(other, cls=cls):
                if not cls.__dict__.get('_is_protocol', False):
                    return NotImplemented
                if not getattr(cls, '_is_runtime_protocol', False):
                    raise TypeError("Instance and class checks can only be used with"
                                    " @runtime_checkable protocols")
                for attr in _protocol_attrs(cls):
                    for base in other.__mro__:
                        if attr in base.__dict__:
                            if base.__dict__[attr] is None:
                                return NotImplemented
                            break
                        annotations = base.__dict__.get('__annotations__', {})
                        if attr in annotations and issubclass(other, Protocol) and other._is_protocol:
                            break
                    else:
                        return NotImplemented
                return True
            cls.__subclasshook__ = subclasshook

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
    """Marks a protocol class for isinstance()/issubclass() checks."""
    if not issubclass(cls, Generic) and not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


def get_type_hints(obj):
    return dict(getattr(obj, '__annotations__', {}))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type
