# for loops over many iterables, for/else, nested break/continue
for i in range(3):
    print("range", i)
for ch in "ab":
    print("str", ch)
for x in [1.5, None, "s"]:
    print("list", x)
for k in {"one": 1, "two": 2}:
    print("dict", k)
for t in (1, (2, 3)):
    print("tuple", t)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for n in []:
    print("never")
else:
    print("empty for else runs")
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("not reached")
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print("found", found)
lst = [1, 2, 3]
for x in lst:
    if x == 2:
        lst.append(4)
    print("iter", x)
print(lst)
for i in range(3):
    pass
print("i after loop", i)
total = 0
for i in range(1, 4):
    for j in range(i):
        total += i * j
print(total)
for i, c in enumerate("xyz", start=10):
    print(i, c)
for a, b in zip([1, 2, 3], "abcd"):
    print(a, b)
for i in reversed(range(3)):
    print("rev", i)
for x in range(0):
    pass
else:
    print("else after zero iterations")
