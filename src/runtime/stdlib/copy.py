"""Shallow and deep copy operations (bundled with stitch; the same interface as CPython's
`copy`): copy(x) and deepcopy(x, memo) for the built-in containers and for instances of
classes (their attributes copied, honouring __copy__, __deepcopy__, __reduce_ex__/__reduce__,
__getstate__ and __setstate__); deepcopy's memo keeps shared and cyclic references shared and cyclic in the
copy."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error


def _function():
    pass


class _Probe:
    def method(self):
        pass


# Values copy() and deepcopy() return as they are.
_ATOMIC = {type(None), int, float, bool, str, type, range, type(len), type(_function),
           type(_Probe().method), type(NotImplemented), property, slice}


def _new_instance(cls):
    # An instance of `cls` made without running its __init__, as copyreg.__newobj__ does.
    return cls.__new__(cls)


def _state_of(x):
    getstate = getattr(type(x), '__getstate__', None)
    if getstate is not None:
        return getstate(x)
    d = getattr(x, '__dict__', None)
    if not d:
        return None
    return d


def _set_state(y, state):
    setstate = getattr(type(y), '__setstate__', None)
    if setstate is not None:
        setstate(y, state)
        return
    y.__dict__.update(state)


def _reduction(x):
    # What the object's own __reduce_ex__(4) or __reduce__() says (None when its class defines
    # neither: stitch's object has no default reduction; instances are copied by __dict__).
    cls = type(x)
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None:
        return reductor(x, 4)
    reductor = getattr(cls, '__reduce__', None)
    if reductor is not None:
        return reductor(x)
    return None


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    # The object a reduction describes, its parts deep-copied when `memo` is given.
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


# A new container (or instance) holding the same items (or attributes).
def copy(x):
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if isinstance(x, type):
        return x
    rv = _reduction(x)
    if rv is not None:
        if isinstance(rv, str):
            return x
        return _reconstruct(x, None, *rv)
    if not hasattr(x, '__dict__'):
        raise Error('un(shallow)copyable object of type %s' % cls)
    y = _new_instance(cls)
    if isinstance(x, list):
        y.extend(x)
    state = _state_of(x)
    if state is not None:
        if getattr(cls, '__setstate__', None) is None and isinstance(state, dict):
            y.__dict__.update(state)
        else:
            _set_state(y, state)
    if isinstance(x, dict):
        for key, value in x.items():
            y[key] = value
    return y


# A copy whose items and attributes are themselves deep copies; `memo` maps id() of what was
# already copied to its copy.
def deepcopy(x, memo=None, _nil=[]):
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    if cls is list:
        y = []
        memo[d] = y
        append = y.append
        for item in x:
            append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple that refers to itself through a mutable item was copied while copying it.
        if d in memo:
            return memo[d]
        same = True
        for i in range(len(items)):
            if items[i] is not x[i]:
                same = False
                break
        if same:
            y = x
        else:
            y = tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for item in x:
            y.add(deepcopy(item, memo))
    elif cls is frozenset:
        y = frozenset([deepcopy(item, memo) for item in x])
    else:
        copier = getattr(cls, '__deepcopy__', None)
        if copier is not None:
            y = copier(x, memo)
        elif isinstance(x, type):
            y = x
        else:
            rv = _reduction(x)
            if rv is not None:
                y = x if isinstance(rv, str) else _reconstruct(x, memo, *rv)
            else:
                if not hasattr(x, '__dict__'):
                    raise Error('un(deep)copyable object of type %s' % cls)
                y = _new_instance(cls)
                memo[d] = y
                if isinstance(x, list):
                    for item in x:
                        y.append(deepcopy(item, memo))
                state = _state_of(x)
                if state is not None:
                    state = deepcopy(state, memo)
                    _set_state(y, state)
                if isinstance(x, dict):
                    for key, value in x.items():
                        y[deepcopy(key, memo)] = deepcopy(value, memo)
    # Keep the original alive for as long as the memo is, so its id is not reused.
    if y is not x:
        memo[d] = y
        keep = memo.get(id(memo))
        if keep is None:
            memo[id(memo)] = [x]
        else:
            keep.append(x)
    return y
