from enum import Enum, IntEnum, Flag, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
class Perm(Flag):
    R = 4
    W = 2
    X = 1
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(list(Color), len(Color), Color.RED in Color, Color["GREEN"], repr(Color), repr(Perm), repr(Num))
print([m.name for m in reversed(Color)], list(Num), len(Perm), list(Perm), bool(Color), type(Color).__name__)
for kind in Color:
    print(kind, kind.value)
try:
    1 in Color
except TypeError as e:
    print("TypeError:", e)
print(Color.RED is Color.CRIMSON, Color(2), Num(1) + 1, sorted(Num, reverse=True))
print(isinstance(Color, type), isinstance(Color.RED, Color), Color.__members__.keys())
