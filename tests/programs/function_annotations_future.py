from __future__ import annotations

import functools


def f(a: int, b: list[Undefined] = None, *rest: tuple[int, ...], key: str = 'k') -> dict[str, int]:
    return {}


print(f.__annotations__)


class Node:
    def link(self, other: Node) -> Node:
        return other

    value: int = 0


print(Node.link.__annotations__, Node.__annotations__)


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper


@deco
def g(x: float) -> float:
    return x * 2


print(g.__annotations__, g(2.5), g.__name__)
