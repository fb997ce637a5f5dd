# Importing a sibling module in several ways
import mod_helper
from mod_helper import scale, Triangle, GREETING
from mod_helper import call_count as calls
import math, sys
print(mod_helper.GREETING, GREETING, mod_helper.SCALE)
print(scale(4), scale(4, 10), mod_helper.scale("ab"), calls(), mod_helper.call_count())
t = Triangle("tri")
print(t.describe(), t.area(3, 4), isinstance(t, mod_helper.Shape), type(t).__name__)
t2 = mod_helper.make_triangle()
print(t2.describe(), isinstance(t2, Triangle))
s = mod_helper.Shape("blob")
print(s.describe(), mod_helper.Shape.sides, Triangle.sides)
class Square(mod_helper.Shape):
    sides = 4
    def area(self, side):
        return side * side
sq = Square("square")
print(sq.describe(), sq.area(5), issubclass(Square, mod_helper.Shape))
mod_helper.SCALE = 100
print(mod_helper.SCALE, scale(1), mod_helper.scale(1))
import mod_helper as mh
print(mh is mod_helper, mh.SCALE, mh.call_count())
print(mod_helper.__name__, __name__, math.floor(2.5), len(sys.argv))
print(hasattr(mod_helper, "scale"), hasattr(mod_helper, "nope"), getattr(mod_helper, "GREETING"))
