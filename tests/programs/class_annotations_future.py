from __future__ import annotations
class P:
    x: int
    y: list[int] = []
    z: Undefined[Thing]
print(P.__annotations__)
