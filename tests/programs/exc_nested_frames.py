# Exceptions propagating through several frames, handlers at different depths
def level3(x):
    if x == "zero":
        return 1 / 0
    if x == "key":
        return {}[x]
    if x == "value":
        raise ValueError("bad x: " + x)
    return "ok:" + x
def level2(x):
    try:
        return level3(x)
    except KeyError as e:
        return "level2 handled KeyError " + str(e)
def level1(x):
    try:
        return level2(x)
    except ZeroDivisionError as e:
        return "level1 handled " + type(e).__name__
for x in ["fine", "key", "zero", "value"]:
    try:
        print(level1(x))
    except ValueError as e:
        print("top handled", e)
trail = []
def a():
    trail.append("a-enter")
    try:
        b()
    finally:
        trail.append("a-finally")
def b():
    trail.append("b-enter")
    try:
        c()
    except TypeError:
        trail.append("b-wrong-handler")
    trail.append("b-exit")
def c():
    trail.append("c-enter")
    raise IndexError("deep")
try:
    a()
except IndexError as e:
    trail.append("top:" + str(e))
print(trail)
def handler_raises():
    try:
        [].pop()
    except IndexError:
        raise KeyError("raised in handler")
try:
    handler_raises()
except KeyError as e:
    print("got", repr(e))
def count_down(n):
    if n == 0:
        raise RuntimeError("bottom reached")
    try:
        count_down(n - 1)
    finally:
        print("unwinding", n)
try:
    count_down(4)
except RuntimeError as e:
    print("caught:", e)
results = []
for item in [1, "2", None, 4.5, [5]]:
    try:
        results.append(int(item) * 2)
    except (TypeError, ValueError) as e:
        results.append(type(e).__name__)
print(results)
