# Helper module for mod_import_star.py (not a program itself): names listed in __all__.
__all__ = ["visible", "Shape", "square"]
visible = "in __all__"
hidden = "not in __all__"
class Shape:
    sides = 4
def square(x):
    return x * x
