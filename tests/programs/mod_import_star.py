# from m import *: __all__, public names without it, built-in and bundled modules.
from math import *
from mod_star_helper import *
from mod_star_plain import *
from collections import *
print(sqrt(16), floor(2.7), pi > 3, visible, Shape.sides, square(7), public, helper())
print(OrderedDict([(1, 2)]), Counter("abca").most_common(1), deque([1, 2]).pop())
for name in ["hidden", "_private"]:
    try:
        eval(name)
    except NameError as e:
        print("NameError:", e)
def uses_star_names(n):
    total = 0
    for i in range(n):
        total += floor(sqrt(i)) + square(i % 3)
    return total
print(uses_star_names(500))
