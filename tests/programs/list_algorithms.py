# Classic list algorithms: stacks, queues, two pointers, in-place ops
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack
for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", "}{"]:
    print(repr(s), balanced(s))
def rotate(lst, k):
    k %= len(lst)
    return lst[-k:] + lst[:-k] if k else lst[:]
print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3], 3), rotate([1, 2, 3], -1))
def reverse_in_place(a):
    i, j = 0, len(a) - 1
    while i < j:
        a[i], a[j] = a[j], a[i]
        i += 1
        j -= 1
    return a
print(reverse_in_place([1, 2, 3, 4]), reverse_in_place([1, 2, 3]), reverse_in_place([]))
def two_sum(nums, target):
    seen = {}
    for i, n in enumerate(nums):
        if target - n in seen:
            return seen[target - n], i
        seen[n] = i
    return None
print(two_sum([2, 7, 11, 15], 9), two_sum([3, 2, 4], 6), two_sum([1, 2], 7))
def insertion_sort(a):
    a = a[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
print(insertion_sort([5, 2, 9, 1, 5, 6, -1]), insertion_sort([]))
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out = []
    while left and right:
        out.append(left.pop(0) if left[0] <= right[0] else right.pop(0))
    return out + left + right
print(merge_sort([38, 27, 43, 3, 9, 82, 10]), merge_sort(list("mergesort")))
def dedupe_sorted(a):
    out = []
    for x in a:
        if not out or out[-1] != x:
            out.append(x)
    return out
print(dedupe_sorted([1, 1, 2, 3, 3, 3, 4]), dedupe_sorted([]))
queue = [("a", 3), ("b", 1), ("c", 2)]
t = 0
while queue:
    name, need = queue.pop(0)
    t += 1
    if need > 1:
        queue.append((name, need - 1))
    else:
        print("finished", name, "at t =", t)
