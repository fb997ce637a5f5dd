# list methods: append extend insert pop remove index count reverse copy clear
a = []
a.append(1)
a.append("two")
a.append([3])
print(a, len(a))
a.extend([4, 5])
a.extend("ab")
a.extend(range(2))
a.extend((9,))
print(a)
a.insert(0, "first")
a.insert(3, "mid")
a.insert(100, "end")
a.insert(-1, "beforeend")
a.insert(-100, "start")
print(a)
print(a.pop(), a.pop(0), a.pop(2), a.pop(-2))
print(a)
a.remove("mid")
print(a)
nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(nums.count(5), nums.count(1), nums.count(7))
print(nums.index(5), nums.index(1), nums.index(5, 5), nums.index(5, 7, 9))
nums.reverse()
print(nums)
c = nums.copy()
c.append(100)
print(len(nums), len(c), c[-1])
c.clear()
print(c, nums[:3])
nums.remove(5)
print(nums)
try:
    nums.remove(42)
except ValueError as e:
    print("ValueError", e)
try:
    nums.index(42)
except ValueError as e:
    print("ValueError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError", e)
print(a.append(0), a.reverse(), a.clear(), a)
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print("pop", stack.pop(), stack)
q = [1, 2, 3]
while q:
    x = q.pop(0)
    if x < 3:
        q.append(x + 10)
    print(x, q)
