def f(a: int, b: 'str' = 'x', *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
def g(x, y=1):
    pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
class K:
    def m(self, __p: int) -> 'K':
        return self
print(K.m.__annotations__)
lam = lambda q: q
print(lam.__annotations__)
import typing
def h(v: typing.List[int]) -> typing.Optional[str]:
    return None
print(h.__annotations__)
