# list operators: + * == < in, nested lists, iteration
a = [1, 2, 3]
b = [4, 5]
print(a + b, b + a, a * 2, 2 * b, a * 0, [0] * 5)
print(a == [1, 2, 3], a != b, a < b, [1, 2] < [1, 2, 0], [2] > [1, 9, 9])
print([1, 2, 3] < [1, 2, 4], [] < [0], [[1]] < [[2]])
print(2 in a, 7 in a, [3] in [[3], 4], "x" not in a)
c = a
c += [10]
print(a, c, a is c)
d = a
d = d + [20]
print(a, d, a is d)
e = [0]
e *= 3
print(e)
nested = [[1, 2], [3, [4, 5]], []]
print(nested, len(nested), nested[1][1][0], nested[1][1][-1])
flat = []
for x in nested:
    for y in x:
        flat.append(y)
print(flat)
total = 0
for row in [[1, 2, 3], [4, 5, 6]]:
    for v in row:
        total += v
print(total)
print(max([3, 7, 2]), min([3, 7, 2]), sum([3, 7, 2]), len([[], [], []]))
lst = list(range(5))
for i in range(len(lst)):
    lst[i] = lst[i] ** 2
print(lst)
acc = []
for i, v in enumerate(lst):
    acc.append((i, v))
print(acc)
print(list(map(lambda x: x * 2, lst)), list(zip(lst, "abcde")))
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError", e)
try:
    [1, 2] < [1, "a"]
except TypeError as e:
    print("TypeError", e)
print([1, "a", None, 2.5, True, [], ()], [[]] * 2)
rec = [1, 2]
print(rec * 3 == [1, 2, 1, 2, 1, 2], [x for x in rec * 2])
