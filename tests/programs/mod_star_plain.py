# Helper module for mod_import_star.py (not a program itself): no __all__.
public = 1
_private = 2
def helper():
    return "helper"
