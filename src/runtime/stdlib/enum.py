"""Enumerations (bundled with stitch; CPython's `enum` interface as far as stitch allows):
Enum, IntEnum, StrEnum, Flag and IntFlag, auto(), unique and the member attributes name and
value, with CPython 3.11's reprs and strs. The members are made by __init_subclass__ when the
class statement ends: each member-valued class attribute is replaced by an instance of the
class. The metaclass EnumType gives the class itself iteration, len(), `in`, `Color['RED']`
and its repr. Missing: `Color(1)` returning the very member object (it returns an equal
member), and the functional API `Enum('Color', 'RED')`.
IntEnum and StrEnum members behave like ints and strs but are not instances of int or str."""

__all__ = ['Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum', 'auto', 'unique',
           'EnumMeta', 'EnumType', 'global_enum', 'verify', 'member', 'nonmember',
           'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE', 'STRICT', 'CONFORM', 'EJECT', 'KEEP']


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)

    # CPython gives an auto() its value as soon as the class body assigns it, so `WHITE = RED |
    # BLUE` combines values; here the values come when the class is complete, so the
    # combination waits for them too.
    def __or__(self, other):
        return _AutoOp('|', self, other)

    def __ror__(self, other):
        return _AutoOp('|', other, self)

    def __and__(self, other):
        return _AutoOp('&', self, other)

    def __rand__(self, other):
        return _AutoOp('&', other, self)

    def __xor__(self, other):
        return _AutoOp('^', self, other)

    def __rxor__(self, other):
        return _AutoOp('^', other, self)


def _resolve(x):
    if isinstance(x, _AutoOp):
        return x.resolve()
    if isinstance(x, auto):
        if x.value is _auto_null:
            raise TypeError('auto() value used before the member was made')
        return x.value
    return x


class _AutoOp(auto):

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right
        self.value = _auto_null

    def resolve(self):
        a = _resolve(self.left)
        b = _resolve(self.right)
        if self.op == '|':
            return a | b
        if self.op == '&':
            return a & b
        return a ^ b


class member:
    """Forces an item to become an Enum member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Protects an item from becoming an Enum member."""

    def __init__(self, value):
        self.value = value


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == '__' and name[-2:] == '__' and name[2] != '_'
            and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == '_' and name[-1] == '_' and name[1] != '_'
            and name[-2] != '_')


def _function():
    pass


_DESCRIPTOR_TYPES = (type(_function), classmethod, staticmethod, property)


def _is_descriptor(obj):
    if isinstance(obj, _DESCRIPTOR_TYPES):
        return True
    t = type(obj)
    return hasattr(t, '__get__') or hasattr(t, '__set__') or hasattr(t, '__delete__')


def _no_init(self, *args, **kwds):
    pass


def _new_instance(cls):
    # A fresh instance of `cls` made without running any __init__ (stitch has no
    # object.__new__): for the one call, the class's __init__ does nothing.
    own = cls.__dict__
    had = '__init__' in own
    saved = own.get('__init__')
    cls.__init__ = _no_init
    try:
        obj = cls()
    finally:
        if had:
            cls.__init__ = saved
        else:
            del cls.__init__
    return obj


def _enum_repr(cls):
    return "<enum %r>" % (cls.__name__,)


class _MembersProxy:
    # A read-only view of the name -> member mapping, printed as CPython's mappingproxy.

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def __eq__(self, other):
        if isinstance(other, _MembersProxy):
            other = other._mapping
        return self._mapping == other

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


def _value_key(value):
    # The key of `value` in _value2member_map_ (None if unhashable).
    try:
        hash(value)
    except TypeError:
        return None
    return value


################################################################################
# Enum
################################################################################

class EnumType(type):
    """The metaclass of enumerations: the class iterates over its members (aliases left out),
    has their number as len(), answers `in` for its members and `Color['RED']` by name."""

    def __iter__(cls):
        names = cls.__dict__.get('_member_names_', ())
        return (cls._member_map_[name] for name in names)

    def __reversed__(cls):
        names = cls.__dict__.get('_member_names_', ())
        return (cls._member_map_[name] for name in reversed(names))

    def __len__(cls):
        return len(cls.__dict__.get('_member_names_', ()))

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            import warnings
            warnings.warn(
                "in 3.12 __contains__ will no longer raise TypeError, but will return True or\n"
                "False depending on whether the value is a member or the value of a member",
                DeprecationWarning, stacklevel=2)
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'"
                % (type(member).__qualname__, type(cls).__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)


Flag = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __init_subclass__(cls, **kwds):
        for base in cls.__mro__[1:]:
            if base.__dict__.get('_member_names_'):
                raise TypeError('%s cannot extend %s' % (_enum_repr(cls), _enum_repr(base)))
        ignore = cls.__dict__.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        candidates = []
        for name, value in list(cls.__dict__.items()):
            if name in ignore or name == '_ignore_':
                if name in cls.__dict__:
                    delattr(cls, name)
                continue
            if isinstance(value, nonmember):
                setattr(cls, name, value.value)
                continue
            if isinstance(value, member):
                candidates.append((name, value.value))
                continue
            if _is_dunder(name) or _is_sunder(name) or _is_descriptor(value):
                continue
            if isinstance(value, type):
                continue
            if name.startswith('_' + cls.__name__.lstrip('_') + '__'):
                continue
            candidates.append((name, value))
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._unhashable_members_ = []
        cls.__members__ = _MembersProxy(cls._member_map_)
        last_values = []
        for name, value in candidates:
            if isinstance(value, _AutoOp):
                value.value = value.resolve()
                value = value.value
            elif isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = cls._generate_next_value_(
                        name, 1, len(cls._member_names_), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                parts = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is _auto_null:
                            v.value = cls._generate_next_value_(
                                name, 1, len(cls._member_names_), last_values[:])
                        v = v.value
                    parts.append(v)
                value = tuple(parts)
            cls._add_member_(name, value)
            last_values.append(value)
        if cls._member_names_ and cls.__init__ is not Enum.__init__:
            # The members are made: from now on a call of the class looks a value up (the
            # class's own __init__ ran on each member).
            cls.__init__ = Enum.__init__
        cls._finish_members_()

    @classmethod
    def _add_member_(cls, name, value):
        value = cls._convert_value_(value)
        existing = cls._find_value_(value)
        if existing is not None:
            cls._member_map_[name] = existing
            setattr(cls, name, existing)
            return
        m = _new_instance(cls)
        m._name_ = name
        m._value_ = value
        m._sort_order_ = len(cls._member_names_)
        init = cls.__init__
        if init is not Enum.__init__:
            if isinstance(value, tuple):
                init(m, *value)
            else:
                init(m, value)
        cls._member_names_.append(name)
        cls._member_map_[name] = m
        key = _value_key(value)
        if key is None:
            cls._unhashable_members_.append(m)
        else:
            cls._value2member_map_[key] = m
        setattr(cls, name, m)

    @classmethod
    def _convert_value_(cls, value):
        return value

    @classmethod
    def _finish_members_(cls):
        pass

    @classmethod
    def _find_value_(cls, value):
        key = _value_key(value)
        if key is not None:
            return cls._value2member_map_.get(key)
        for m in cls._unhashable_members_:
            if m._value_ == value:
                return m
        return None

    @classmethod
    def _lookup_(cls, value):
        if isinstance(value, cls):
            return value
        found = cls._find_value_(value)
        if found is not None:
            return found
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))

    @classmethod
    def _missing_(cls, value):
        return None

    def __init__(self, *args, **kwds):
        # Color(1): stitch makes a new instance before __init__ runs, so it becomes a copy of
        # the member (equal to it, with its name, value and attributes).
        cls = type(self)
        if len(args) != 1 or kwds:
            raise TypeError('%s() takes 1 positional argument (the value) in stitch; the '
                            'functional API needs a metaclass' % cls.__name__)
        found = cls._lookup_(args[0])
        for key, value in found.__dict__.items():
            object.__setattr__(self, key, value)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError('unable to increment %r' % (last,))

    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    @property
    def name(self):
        return self._name_

    @name.setter
    def name(self, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")

    @property
    def value(self):
        return self._value_

    @value.setter
    def value(self, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")

    def _canonical_(self):
        found = type(self)._member_map_.get(self._name_)
        if found is not None and found._value_ == self._value_:
            return found
        return self

    def __repr__(self):
        return '<%s.%s: %s>' % (type(self).__name__, self._name_, self._value_repr_())

    def _value_repr_(self):
        return repr(self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __eq__(self, other):
        if self is other:
            return True
        if type(other) is type(self):
            return self._value_ == other._value_
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __hash__(self):
        return hash(self._name_)

    def __copy__(self):
        return self._canonical_()

    def __deepcopy__(self, memo):
        return self._canonical_()

    def __reduce_ex__(self, proto):
        return (type(self), (self._value_,))


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


EnumMeta = EnumType


################################################################################
# IntEnum, StrEnum
################################################################################

def _int_of(x):
    if isinstance(x, (IntEnum, IntFlag)):
        return x._value_
    return x


class _IntLike:
    # What an int-valued member does as an int (stitch cannot subclass int).

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return self._value_ != 0

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return self._value_ == _int_of(other)

    def __ne__(self, other):
        return self._value_ != _int_of(other)

    def __lt__(self, other):
        return self._value_ < _int_of(other)

    def __le__(self, other):
        return self._value_ <= _int_of(other)

    def __gt__(self, other):
        return self._value_ > _int_of(other)

    def __ge__(self, other):
        return self._value_ >= _int_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __add__(self, other):
        return self._value_ + _int_of(other)

    def __radd__(self, other):
        return _int_of(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _int_of(other)

    def __rsub__(self, other):
        return _int_of(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _int_of(other)

    def __rmul__(self, other):
        return _int_of(other) * self._value_

    def __truediv__(self, other):
        return self._value_ / _int_of(other)

    def __rtruediv__(self, other):
        return _int_of(other) / self._value_

    def __floordiv__(self, other):
        return self._value_ // _int_of(other)

    def __rfloordiv__(self, other):
        return _int_of(other) // self._value_

    def __mod__(self, other):
        return self._value_ % _int_of(other)

    def __rmod__(self, other):
        return _int_of(other) % self._value_

    def __pow__(self, other):
        return self._value_ ** _int_of(other)

    def __rpow__(self, other):
        return _int_of(other) ** self._value_

    def __lshift__(self, other):
        return self._value_ << _int_of(other)

    def __rshift__(self, other):
        return self._value_ >> _int_of(other)

    def __neg__(self):
        return -self._value_

    def __pos__(self):
        return self._value_

    def __abs__(self):
        return abs(self._value_)

    def __round__(self, ndigits=None):
        return self._value_

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        return getattr(self._value_, name)


class IntEnum(_IntLike, ReprEnum):
    """Enum where members are also (and must be) ints."""

    @classmethod
    def _convert_value_(cls, value):
        if isinstance(value, tuple):
            value = value[0]
        return int(value)

    def __and__(self, other):
        return self._value_ & _int_of(other)

    def __rand__(self, other):
        return _int_of(other) & self._value_

    def __or__(self, other):
        return self._value_ | _int_of(other)

    def __ror__(self, other):
        return _int_of(other) | self._value_

    def __xor__(self, other):
        return self._value_ ^ _int_of(other)

    def __rxor__(self, other):
        return _int_of(other) ^ self._value_

    def __invert__(self):
        return ~self._value_


def _str_of(x):
    if isinstance(x, StrEnum):
        return x._value_
    return x


class StrEnum(ReprEnum):
    """Enum where members are also (and must be) strings."""

    @classmethod
    def _convert_value_(cls, value):
        if not isinstance(value, str):
            raise TypeError('%r is not a string' % (value,))
        return value

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return self._value_ == _str_of(other)

    def __ne__(self, other):
        return self._value_ != _str_of(other)

    def __lt__(self, other):
        return self._value_ < _str_of(other)

    def __le__(self, other):
        return self._value_ <= _str_of(other)

    def __gt__(self, other):
        return self._value_ > _str_of(other)

    def __ge__(self, other):
        return self._value_ >= _str_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __add__(self, other):
        return self._value_ + _str_of(other)

    def __radd__(self, other):
        return _str_of(other) + self._value_

    def __len__(self):
        return len(self._value_)

    def __iter__(self):
        return iter(self._value_)

    def __contains__(self, x):
        return _str_of(x) in self._value_

    def __getitem__(self, i):
        return self._value_[i]

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        return getattr(self._value_, name)


################################################################################
# Flag, IntFlag
################################################################################

STRICT = 'strict'
CONFORM = 'conform'
EJECT = 'eject'
KEEP = 'keep'


def _bin(n, width):
    # As CPython's messages show a non-negative number: sign bit, space, digits.
    return '0b0 ' + format(n, 'b').zfill(width)


def _is_single_bit(n):
    return n > 0 and n & (n - 1) == 0


def _bits(n):
    # The single bits of n, lowest first.
    result = []
    bit = 1
    while bit <= n:
        if n & bit:
            result.append(bit)
        bit <<= 1
    return result


class Flag(Enum):
    """Support for flags: members combine with |, & and ^ and can be inverted."""

    _boundary_ = STRICT

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start
        last = max(last_values)
        if not isinstance(last, int):
            raise TypeError('invalid flag value %r' % (last,))
        return 2 ** last.bit_length()

    @classmethod
    def _finish_members_(cls):
        mask = 0
        singles = []
        for name in cls._member_names_:
            m = cls._member_map_[name]
            v = m._value_
            if isinstance(v, int):
                mask |= v
                if _is_single_bit(v):
                    singles.append(m)
        cls._flag_mask_ = mask
        cls._singles_ = singles

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        mask = cls._flag_mask_
        if value < 0:
            value = value & mask if cls._boundary_ != KEEP else value
        extra = value & ~mask
        if extra and cls._boundary_ == STRICT:
            width = max(value.bit_length(), mask.bit_length())
            raise ValueError("<flag %r> invalid value %r\n    given %s\n  allowed %s"
                             % (cls.__name__, value, _bin(value, width), _bin(mask, width)))
        if extra and cls._boundary_ == CONFORM:
            value &= mask
        return cls._pseudo_member_(value)

    @classmethod
    def _pseudo_member_(cls, value):
        found = cls._value2member_map_.get(value)
        if found is not None:
            return found
        m = _new_instance(cls)
        m._value_ = value
        if value == 0:
            m._name_ = None
        else:
            names = []
            rest = value
            for single in cls._singles_:
                if single._value_ & value:
                    names.append(single._name_)
                    rest &= ~single._value_
            if rest:
                names.append(str(rest))
            m._name_ = '|'.join(names)
        m._sort_order_ = -1
        cls._value2member_map_[value] = m
        return m

    def _canonical_(self):
        return type(self)._lookup_(self._value_)

    def __repr__(self):
        name = self._name_
        if name is None:
            return '<%s: %s>' % (type(self).__name__, self._value_repr_())
        return '<%s.%s: %s>' % (type(self).__name__, name, self._value_repr_())

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (type(self).__name__, self._value_)
        return '%s.%s' % (type(self).__name__, self._name_)

    def __hash__(self):
        return hash(self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __iter__(self):
        value = self._value_
        for single in type(self)._singles_:
            if single._value_ & value:
                yield single

    def __len__(self):
        n = 0
        for _ in self:
            n += 1
        return n

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def _other_value_(self, other):
        if isinstance(other, type(self)):
            return other._value_
        return None

    def __or__(self, other):
        v = self._other_value_(other)
        if v is None:
            return NotImplemented
        return type(self)._lookup_(self._value_ | v)

    def __and__(self, other):
        v = self._other_value_(other)
        if v is None:
            return NotImplemented
        return type(self)._lookup_(self._value_ & v)

    def __xor__(self, other):
        v = self._other_value_(other)
        if v is None:
            return NotImplemented
        return type(self)._lookup_(self._value_ ^ v)

    def __ror__(self, other):
        return self.__or__(other)

    def __rand__(self, other):
        return self.__and__(other)

    def __rxor__(self, other):
        return self.__xor__(other)

    def __invert__(self):
        cls = type(self)
        return cls._lookup_(cls._flag_mask_ & ~self._value_)


class IntFlag(_IntLike, ReprEnum, Flag):
    """Support for integer-based flags."""

    _boundary_ = KEEP

    @classmethod
    def _convert_value_(cls, value):
        return int(value)

    def __repr__(self):
        return Flag.__repr__(self)

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return self._value_ == _int_of(other)

    def __ne__(self, other):
        return self._value_ != _int_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __bool__(self):
        return self._value_ != 0

    def __iter__(self):
        return Flag.__iter__(self)

    def __len__(self):
        return Flag.__len__(self)

    def __contains__(self, other):
        return Flag.__contains__(self, other)

    def _other_value_(self, other):
        if isinstance(other, type(self)):
            return other._value_
        if isinstance(other, int):
            return other
        return None

    def __or__(self, other):
        return Flag.__or__(self, other)

    def __and__(self, other):
        return Flag.__and__(self, other)

    def __xor__(self, other):
        return Flag.__xor__(self, other)

    def __ror__(self, other):
        return Flag.__or__(self, other)

    def __rand__(self, other):
        return Flag.__and__(self, other)

    def __rxor__(self, other):
        return Flag.__xor__(self, other)

    def __invert__(self):
        return Flag.__invert__(self)


################################################################################
# Decorators
################################################################################

def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m._name_:
            duplicates.append((name, m._name_))
    if duplicates:
        details = ', '.join(['%s -> %s' % (alias, name) for alias, name in duplicates])
        raise ValueError('duplicate values found in %s: %s' % (_enum_repr(enumeration), details))
    return enumeration


CONTINUOUS = 'no skipped integer values'
NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
UNIQUE = 'one name per value'


def verify(*checks):
    def decorate(enumeration):
        if UNIQUE in checks:
            unique(enumeration)
        return enumeration
    return decorate


def global_enum(cls):
    return cls
