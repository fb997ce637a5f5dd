import sys
def f(n):
    return f(n + 1)
def g(n):
    if n == 0:
        raise ValueError("bottom")
    return g(n - 1)
try:
    g(10)
except ValueError:
    pass
for fn in [lambda: str(10**5000), lambda: int('1'*5000), lambda: f'{10**4300}', lambda: len(str(10**4299)), lambda: int('1'*4300)%7, lambda: sys.set_int_max_str_digits(100), lambda: sys.get_int_max_str_digits(), lambda: sys.set_int_max_str_digits(maxdigits=0), lambda: len(str(10**6000)), lambda: format(10**5000, "x")[:4]]:
    try: print(fn())
    except Exception as e: print(type(e).__name__, e)
sys.set_int_max_str_digits(4300)
