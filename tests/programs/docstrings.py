"""Module docstring."""
def f():
    """Does f things.

    More lines.
    """
    return 1
def g():
    return 2
class C:
    """A class."""
    def m(self):
        "method doc"
print(repr(__doc__), repr(f.__doc__), g.__doc__, C.__doc__, C.m.__doc__, C().m.__doc__)
f.__doc__ = "changed"
print(f.__doc__, f())
import functools
@functools.wraps(f)
def h():
    pass
print(h.__doc__, h.__name__)
