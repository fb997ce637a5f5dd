# RecursionError is catchable; recursion limit adjustments
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
def depth_reached():
    reached = [0]
    def go(n):
        reached[0] = n
        go(n + 1)
    try:
        go(1)
    except RecursionError:
        pass
    return reached[0]
d1 = depth_reached()
print(d1 > 100, d1 < 5000)
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(900))
sys.setrecursionlimit(5000)
print(sum_to(3000))
try:
    sum_to(100000)
except RecursionError as e:
    print("still limited:", type(e).__name__)
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
head = None
for i in range(2000):
    head = Node(head)
print(head.length())
def after_recovery(n):
    return n * 2
print(after_recovery(21))
try:
    down(0)
except RecursionError:
    print("second overflow caught too")
print(isinstance(RecursionError(), RuntimeError))
