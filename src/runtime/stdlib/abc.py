"""Abstract base classes (PEP 3119), as CPython's abc module provides them.

ABCMeta computes each class's abstract methods when the class is made (the names whose value
has a true __isabstractmethod__, in its own namespace or left unimplemented from its bases) and
stores them in __abstractmethods__; stitch refuses to instantiate a class while that set is not
empty. isinstance() and issubclass() against an ABC ask its metaclass, which also accepts
classes registered with register() and whatever __subclasshook__ decides, caching the answers.
"""


def abstractmethod(funcobj):
    """Marks a method abstract: classes made by ABCMeta cannot be instantiated until it is
    overridden."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False) is True


class ABCMeta(type):
    """Metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = set()
        for attr, value in namespace.items():
            if _is_abstract(value):
                abstracts.add(attr)
        for base in bases:
            for attr in getattr(base, "__abstractmethods__", ()):
                if _is_abstract(getattr(cls, attr, None)):
                    abstracts.add(attr)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = set()
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        return cls

    def register(cls, subclass):
        """Registers a virtual subclass of this ABC and returns it (usable as a decorator)."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add(subclass)
        cls._abc_negative_cache.clear()
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if subclass in cls._abc_cache:
            return True
        if subclass in cls._abc_negative_cache:
            return False
        hook = getattr(cls, "__subclasshook__", None)
        ok = hook(subclass) if hook is not None else NotImplemented
        if ok is not NotImplemented:
            if ok:
                cls._abc_cache.add(subclass)
            else:
                cls._abc_negative_cache.add(subclass)
            return ok
        if cls in subclass.__mro__:
            cls._abc_cache.add(subclass)
            return True
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                cls._abc_cache.add(subclass)
                return True
        cls._abc_negative_cache.add(subclass)
        return False

    def _abc_registry_clear(cls):
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()


class ABC(metaclass=ABCMeta):
    """A helper class whose metaclass is ABCMeta: `class Shape(ABC): ...`."""

    __slots__ = ()


def get_cache_token():
    return 0
