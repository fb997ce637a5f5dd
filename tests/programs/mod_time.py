# time: values are never printed, only properties of them
import time
from time import perf_counter
t0 = time.perf_counter()
t1 = perf_counter()
print(isinstance(t0, float), t1 >= t0)
w = time.time()
print(isinstance(w, float), w > 1.0e9)
start = perf_counter()
total = 0
for i in range(100000):
    total += i
elapsed = perf_counter() - start
print(total, elapsed >= 0.0, elapsed < 60.0)
def timed(fn, *args):
    s = time.perf_counter()
    r = fn(*args)
    e = time.perf_counter() - s
    return r, e >= 0
print(timed(sum, range(1000)), timed(sorted, [3, 1, 2]))
stamps = [time.perf_counter() for _ in range(5)]
print(all(stamps[i] <= stamps[i + 1] for i in range(4)))
