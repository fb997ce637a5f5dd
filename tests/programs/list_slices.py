# List slices a trace specializes: reads with any step, slice assignment with step 1 (lists and
# tuples of items, growing and shrinking the list), extended-slice assignment that raises
# ValueError inside the loop, and del of a slice.
def f(n):
    a = list(range(10))
    t = 0
    for i in range(n):
        k = i % 9
        a[:k + 1] = a[k::-1]
        b = a[1:5]
        t += b[0] + len(a[::2]) + len(a[-3:])
        if i % 50 == 0:
            a[2:4] = (7, 8, 9)
            a[::3] = a[::3]
            del a[-1:]
            a.append(i % 10)
        if i % 77 == 0:
            try:
                a[::2] = [1]
            except ValueError as e:
                t += 1
    return t, a
print(f(3000))
