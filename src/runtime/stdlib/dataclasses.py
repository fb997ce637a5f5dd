"""Data classes (bundled with stitch; the same interface as CPython's `dataclasses`): the
@dataclass decorator reads a class's annotated fields (those of dataclass bases first, ClassVar
left out, InitVar passed to __post_init__, KW_ONLY honoured) and adds __init__, __repr__,
__eq__, the ordering methods, __hash__ and frozen __setattr__/__delattr__ as CPython's does,
with the same errors; field(), fields(), asdict(), astuple(), replace(), is_dataclass() and
make_dataclass() work on the result. stitch has no exec, so the generated methods are closures
over the field list rather than compiled source text."""

import copy as _copy
import typing as _typing

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FieldKind:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'


class InitVar:

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            name = self.type.__name__
        else:
            name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            metadata = {}
        self.metadata = metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,'
                'compare=%r,metadata=%r,kw_only=%r,_field_type=%r)'
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                   self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func is not None:
            func(self.default, owner, name)


class _DataclassParams:

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


################################################################################
# Reading the fields of a class
################################################################################

def _annotation_head(a):
    # 'ClassVar' for 'ClassVar[int]' or 'typing.ClassVar[int]' written as text.
    a = a.strip()
    i = a.find('[')
    if i >= 0:
        a = a[:i]
    a = a.strip()
    if '.' in a:
        a = a[a.rfind('.') + 1:]
    return a


def _is_classvar(a):
    if isinstance(a, str):
        return _annotation_head(a) == 'ClassVar'
    return a is _typing.ClassVar or (isinstance(a, _typing._Form) and a._name == 'ClassVar')


def _is_initvar(a):
    if isinstance(a, str):
        return _annotation_head(a) == 'InitVar'
    return a is InitVar or isinstance(a, InitVar)


def _is_kw_only(a):
    if isinstance(a, str):
        return _annotation_head(a) == 'KW_ONLY'
    return a is KW_ONLY or a is _KW_ONLY_TYPE


def _is_mutable_default(value):
    cls = type(value)
    return cls.__hash__ is None or isinstance(value, (list, dict, set))


def _get_field(cls, name, a_type, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD:
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % name)
    if f._field_type is _FIELD or f._field_type is _FIELD_INITVAR:
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only' % name)
    if f._field_type is _FIELD and f.default is not MISSING and _is_mutable_default(f.default):
        raise ValueError('mutable default %s for field %s is not allowed: use default_factory'
                         % (type(f.default), f.name))
    return f


def _set_new_attribute(cls, name, value):
    # Add `name` unless the class itself defines it; True when it does.
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


################################################################################
# The generated methods
################################################################################

def _join_names(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _plural(n, word):
    if n == 1:
        return '%d %s' % (n, word)
    return '%d %ss' % (n, word)


def _make_init(cls, std_fields, kw_fields, all_fields, frozen, has_post_init):
    where = cls.__qualname__ + '.__init__()'
    std_names = [f.name for f in std_fields]
    kw_names = [f.name for f in kw_fields]
    nstd = len(std_names)
    params = {}
    for f in std_fields + kw_fields:
        params[f.name] = f
    n_std_defaults = 0
    for f in std_fields:
        if f.default is not MISSING or f.default_factory is not MISSING:
            n_std_defaults += 1
    missing = MISSING
    # What __init__ does with each field, in field order: (name, is_param, default,
    # factory, is_initvar).
    plan = []
    for f in all_fields:
        if f._field_type is _FIELD_INITVAR:
            continue
        if not f.init:
            if f.default_factory is not MISSING:
                plan.append((f.name, False, missing, f.default_factory))
            continue
        plan.append((f.name, True, f.default, f.default_factory))
    initvar_names = [f.name for f in all_fields if f._field_type is _FIELD_INITVAR]
    if frozen:
        assign = object.__setattr__
    else:
        assign = setattr

    def bind(args, kwargs):
        values = {}
        nargs = len(args)
        for i in range(nargs if nargs < nstd else nstd):
            values[std_names[i]] = args[i]
        for key in kwargs:
            if key not in params:
                raise TypeError("%s got an unexpected keyword argument '%s'" % (where, key))
            if key in values:
                raise TypeError("%s got multiple values for argument '%s'" % (where, key))
            values[key] = kwargs[key]
        if nargs > nstd:
            if n_std_defaults:
                takes = 'from %d to %d positional arguments' % (nstd - n_std_defaults + 1,
                                                                 nstd + 1)
            else:
                takes = _plural(nstd + 1, 'positional argument')
            nkw = 0
            for key in kwargs:
                if key in kw_names:
                    nkw += 1
            if nkw:
                given = '%s (and %s) were' % (_plural(nargs + 1, 'positional argument'),
                                             _plural(nkw, 'keyword-only argument'))
            elif nargs + 1 == 1:
                given = '1 was'
            else:
                given = '%d were' % (nargs + 1)
            raise TypeError('%s takes %s but %s given' % (where, takes, given))
        absent = []
        for f in std_fields:
            if f.name not in values:
                if f.default_factory is not MISSING:
                    values[f.name] = _HAS_DEFAULT_FACTORY
                elif f.default is not MISSING:
                    values[f.name] = f.default
                else:
                    absent.append(f.name)
        if absent:
            raise TypeError('%s missing %s: %s' % (
                where, _plural(len(absent), 'required positional argument'),
                _join_names(absent)))
        for f in kw_fields:
            if f.name not in values:
                if f.default_factory is not MISSING:
                    values[f.name] = _HAS_DEFAULT_FACTORY
                elif f.default is not MISSING:
                    values[f.name] = f.default
                else:
                    absent.append(f.name)
        if absent:
            raise TypeError('%s missing %s: %s' % (
                where, _plural(len(absent), 'required keyword-only argument'),
                _join_names(absent)))
        return values

    # When every field is a plain positional parameter, a call with all of them positionally
    # needs no binding.
    simple = not kw_fields and not initvar_names and len(plan) == nstd
    for name, is_param, default, factory in plan:
        if not is_param:
            simple = False

    def general(self, args, kwargs):
        values = bind(args, kwargs)
        for name, is_param, default, factory in plan:
            if is_param:
                value = values[name]
                if value is _HAS_DEFAULT_FACTORY and factory is not missing:
                    value = factory()
            else:
                value = factory()
            assign(self, name, value)
        if has_post_init:
            self.__post_init__(*[values[name] for name in initvar_names])

    # Calls with every field given positionally skip the binding; the commonest sizes are
    # spelled out.
    if simple and nstd == 1:
        n0 = std_names[0]

        def __init__(self, *args, **kwargs):
            if not kwargs and len(args) == 1:
                assign(self, n0, args[0])
                if has_post_init:
                    self.__post_init__()
                return
            general(self, args, kwargs)
    elif simple and nstd == 2:
        n0, n1 = std_names

        def __init__(self, *args, **kwargs):
            if not kwargs and len(args) == 2:
                assign(self, n0, args[0])
                assign(self, n1, args[1])
                if has_post_init:
                    self.__post_init__()
                return
            general(self, args, kwargs)
    elif simple and nstd == 3:
        n0, n1, n2 = std_names

        def __init__(self, *args, **kwargs):
            if not kwargs and len(args) == 3:
                assign(self, n0, args[0])
                assign(self, n1, args[1])
                assign(self, n2, args[2])
                if has_post_init:
                    self.__post_init__()
                return
            general(self, args, kwargs)
    else:
        def __init__(self, *args, **kwargs):
            if simple and not kwargs and len(args) == nstd:
                i = 0
                for name in std_names:
                    assign(self, name, args[i])
                    i += 1
                if has_post_init:
                    self.__post_init__()
                return
            general(self, args, kwargs)

    return __init__


def _make_repr(names):
    active = set()

    def __repr__(self):
        key = id(self)
        if key in active:
            return '...'
        active.add(key)
        try:
            parts = ['%s=%r' % (name, getattr(self, name)) for name in names]
        finally:
            active.discard(key)
        return self.__class__.__qualname__ + '(' + ', '.join(parts) + ')'

    return __repr__


def _values_of(obj, names):
    return tuple([getattr(obj, name) for name in names])


def _make_eq(names):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _values_of(self, names) == _values_of(other, names)
        return NotImplemented
    return __eq__


def _make_order(names, op):
    if op == '__lt__':
        def compare(self, other):
            if other.__class__ is self.__class__:
                return _values_of(self, names) < _values_of(other, names)
            return NotImplemented
    elif op == '__le__':
        def compare(self, other):
            if other.__class__ is self.__class__:
                return _values_of(self, names) <= _values_of(other, names)
            return NotImplemented
    elif op == '__gt__':
        def compare(self, other):
            if other.__class__ is self.__class__:
                return _values_of(self, names) > _values_of(other, names)
            return NotImplemented
    else:
        def compare(self, other):
            if other.__class__ is self.__class__:
                return _values_of(self, names) >= _values_of(other, names)
            return NotImplemented
    return compare


def _make_hash(names):
    def __hash__(self):
        return hash(_values_of(self, names))
    return __hash__


def _make_frozen(cls, names):
    names = set(names)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot assign to field %r' % (name,))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot delete field %r' % (name,))
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _format_annotation(a):
    if isinstance(a, type):
        if a.__module__ == 'builtins':
            return a.__qualname__
        return a.__module__ + '.' + a.__qualname__
    if isinstance(a, str):
        return repr(a)
    text = repr(a)
    if text.startswith('typing.'):
        text = text[7:]
    return text


def _signature_text(cls, std_fields, kw_fields):
    parts = []
    for f in std_fields + kw_fields:
        if kw_fields and f is kw_fields[0]:
            parts.append('*')
        text = '%s: %s' % (f.name, _format_annotation(f.type))
        if f.default_factory is not MISSING:
            text += ' = <factory>'
        elif f.default is not MISSING:
            text += ' = ' + repr(f.default)
        parts.append(text)
    return cls.__name__ + '(' + ', '.join(parts) + ')'


################################################################################
# The decorator
################################################################################

def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    fields = {}
    has_dataclass_bases = False
    any_frozen_base = False
    all_frozen_bases = None
    mro = cls.__mro__
    for i in range(len(mro) - 1, 0, -1):
        b = mro[i]
        base_fields = b.__dict__.get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            base_frozen = b.__dict__[_PARAMS].frozen
            any_frozen_base = any_frozen_base or base_frozen
            all_frozen_bases = all_frozen_bases and base_frozen

    annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    default_kw_only = kw_only
    kw_only_seen = False
    for name, a_type in annotations.items():
        if _is_kw_only(a_type):
            if kw_only_seen:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified' % name)
            kw_only_seen = True
            default_kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, default_kw_only))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field) and name not in annotations:
            raise TypeError('%r is a field but has no type annotation' % (name,))

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if all_frozen_bases is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values()
                       if f._field_type is _FIELD or f._field_type is _FIELD_INITVAR]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_init_fields = [f for f in all_init_fields if f.init and f.kw_only]

    if init:
        seen_default = False
        for f in std_init_fields:
            if f.default is MISSING and f.default_factory is MISSING:
                if seen_default:
                    raise TypeError('non-default argument %r follows default argument'
                                    % (f.name,))
            else:
                seen_default = True
        has_post_init = hasattr(cls, '__post_init__')
        _set_new_attribute(cls, '__init__',
                           _make_init(cls, std_init_fields, kw_init_fields, all_init_fields,
                                      frozen, has_post_init))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr([f.name for f in field_list if f.repr]))

    compare_names = [f.name for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _make_eq(compare_names))

    if order:
        for op in ('__lt__', '__le__', '__gt__', '__ge__'):
            if _set_new_attribute(cls, op, _make_order(compare_names, op)):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                                'functools.total_ordering' % (op, cls.__name__))

    if frozen:
        setter, deleter = _make_frozen(cls, [f.name for f in field_list])
        if _set_new_attribute(cls, '__setattr__', setter):
            raise TypeError('Cannot overwrite attribute __setattr__ in class %s' % cls.__name__)
        if _set_new_attribute(cls, '__delattr__', deleter):
            raise TypeError('Cannot overwrite attribute __delattr__ in class %s' % cls.__name__)

    hash_names = [f.name for f in field_list
                  if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
        cls.__hash__ = _make_hash(hash_names)
    elif eq and not has_explicit_hash:
        if frozen:
            cls.__hash__ = _make_hash(hash_names)
        else:
            cls.__hash__ = None

    if not cls.__dict__.get('__doc__'):
        cls.__doc__ = _signature_text(cls, std_init_fields, kw_init_fields)

    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple([f.name for f in std_init_fields]))

    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


################################################################################
# Functions on dataclasses
################################################################################

def fields(class_or_instance):
    all_fields = getattr(class_or_instance, _FIELDS, None)
    if all_fields is None:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple([f for f in all_fields.values() if f._field_type is _FIELD])


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    if isinstance(obj, type):
        cls = obj
    else:
        cls = type(obj)
    return hasattr(cls, _FIELDS)


def _is_namedtuple(obj):
    return hasattr(type(obj), '_fields') and hasattr(type(obj), '_make')


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append((f.name, _asdict_inner(getattr(obj, f.name), dict_factory)))
        return dict_factory(result)
    if _is_namedtuple(obj):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                          for k, v in obj.items()])
    return _copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append(_astuple_inner(getattr(obj, f.name), tuple_factory))
        return tuple_factory(result)
    if _is_namedtuple(obj):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                          for k, v in obj.items()])
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def replace(obj, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be specified '
                                 'with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError('InitVar %r must be specified with replace()' % (f.name,))
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if',
    'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield'])


def _new_class(bases):
    # A fresh class with the given bases (stitch has neither type() with three arguments nor
    # starred bases in a class statement, so up to four bases are spelled out).
    n = len(bases)
    if n == 0:
        class _Made:
            pass
    elif n == 1:
        class _Made(bases[0]):
            pass
    elif n == 2:
        class _Made(bases[0], bases[1]):
            pass
    elif n == 3:
        class _Made(bases[0], bases[1], bases[2]):
            pass
    elif n == 4:
        class _Made(bases[0], bases[1], bases[2], bases[3]):
            pass
    else:
        raise TypeError('make_dataclass in stitch takes at most 4 bases')
    return _Made


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False):
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if name in _KEYWORDS:
            raise TypeError('Field names must not be keywords: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp
    cls = _new_class(tuple(bases))
    cls.__name__ = cls_name
    cls.__qualname__ = cls_name
    cls.__module__ = 'types'
    for key, value in namespace.items():
        setattr(cls, key, value)
    for key, value in defaults.items():
        setattr(cls, key, value)
    cls.__annotations__ = annotations
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
