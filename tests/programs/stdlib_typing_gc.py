from __future__ import annotations
import gc
from typing import List, Dict, Optional, TypeVar, Generic, Any, Callable, Tuple, Union
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
    def pop(self) -> T:
        return self.items.pop()
s: Stack[int] = Stack()
s.push(1); s.push(2)
print(s.pop(), T, List[int], Optional[str], Dict[str, List[int]], Tuple[int, ...], Callable[[int], str], Any)
def f(a: int, b: "str" = "x") -> Optional[int]:
    return a
print(f(3), gc.isenabled())
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.collect(), gc.isenabled())
x: int = 5
y: Dict[str, int]
print(x)
