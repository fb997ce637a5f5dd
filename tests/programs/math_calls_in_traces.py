# math functions of one float called in hot loops compute in the trace (guarded on the function
# and the argument type); a domain error, an infinite argument or a rebinding leaves the trace
# and the interpreter raises or calls what is bound now.
import math
from math import sqrt, sin
def rebind():
    global sqrt
    sqrt = math.sin

def f(n):
    t = 0.0
    errs = 0
    msg = ""
    for i in range(n):
        x = i - 50
        try:
            t += sqrt(x)
        except ValueError as e:
            errs += 1
            msg = str(e)
        t += sin(i) + math.cos(i * 0.5) + math.fabs(-i) + math.atan(i) + math.tan(0.1 * i)
        t += sqrt(float(i)) + sqrt(True)
        if i == n - 1:
            rebind()
    return t, errs, msg
print(f(300))
print(f(300))
def g():
    s = 0.0
    for i in range(200):
        s += math.sin(float('inf')) if i == 150 else math.sin(i)
    return s
try:
    print(g())
except ValueError as e:
    print("VE", e)
