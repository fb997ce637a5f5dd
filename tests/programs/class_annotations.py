from typing import List, ClassVar
class P:
    x: int
    y: float = 2.5
    tags: List[str] = []
    count: ClassVar[int] = 0
    def f(self):
        z: int = 3
        return z
print(P.__annotations__, P.y, P().f())
a: int = 5
b: "str"
print(__annotations__)
class Q:
    __secret: int = 1
print(Q.__annotations__)
