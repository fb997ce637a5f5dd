# and / or return operands, short-circuit, not, conditional expressions
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print([] and "x", [1] and "x", "a" or "b", 0.0 or 0)
print(not 0, not 1, not None, not "", not "x", not [])
log = []
def t(v):
    log.append(v)
    return v
r = t(0) and t(1)
print(r, log)
log.clear()
r = t(1) and t(2) and t(3)
print(r, log)
log.clear()
r = t(0) or t("") or t(None)
print(repr(r), log)
log.clear()
r = t(0) or t(5) or t(6)
print(r, log)
log.clear()
r = t(1) and t(0) or t(7)
print(r, log)
log.clear()
r = (t(0) or t(2)) and (t(3) or t(4))
print(r, log)
x = None
name = x or "anonymous"
print(name)
def safe_div(a, b):
    return b != 0 and a / b
print(safe_div(6, 3), safe_div(1, 0))
vals = [3, 0, -2, 8]
print([v > 0 and v < 5 for v in vals], [v or -1 for v in vals])
print(True and False or True, True and (False or False), not True or not False)
print(1 if 0 else 2, "y" if [1] else "n", (lambda: 1)() if True else 0)
a = 5
print("even" if a % 2 == 0 else "odd", a if a > 3 else -a)
print([("small" if n < 3 else "mid" if n < 6 else "big") for n in range(8)])
print(0 < a and a < 10, not (0 < a < 10), not a == 5)
print(1 == 1 and 2 == 2, 1 == 2 or 3 == 3, None is None and 0 == 0.0)
log.clear()
cond = t(True) if t(0) else t(False)
print(cond, log)
print(any([]), all([]), any([0, None, 1]), all([1, "a", [0]]))
