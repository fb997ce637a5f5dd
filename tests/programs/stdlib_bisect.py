import bisect
a = [1, 3, 3, 5, 8]
print(bisect.bisect(a, 3), bisect.bisect_left(a, 3), bisect.bisect_right(a, 9))
bisect.insort(a, 4); print(a)
print(bisect.bisect_left(a, 30, key=lambda v: v * 10))
from bisect import insort_left
insort_left(a, 0); print(a)
try:
    bisect.bisect(a, 1, -1)
except ValueError as e:
    print(e)
