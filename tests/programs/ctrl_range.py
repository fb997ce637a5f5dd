# range objects: iteration, len, indexing, slicing, membership, repr
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 5)), list(range(5, 0)), list(range(-3, 3)))
r = range(3, 30, 4)
print(r, len(r), r[0], r[-1], r[2], list(r))
print(range(10), range(1, 10), range(1, 10, 2), range(0, -10, -1))
print(r[1:4], r[::-1], r[::2], list(r[1:4]), list(r[::-1]))
print(7 in r, 8 in r, 27 in r, 31 in r, -1 in range(-5, 0))
print(r.index(11), r.count(11), r.count(12))
print(len(range(0, 100, 7)), len(range(100, 0, -7)))
print(range(10 ** 20)[-1], range(0, 10 ** 30, 10 ** 10)[5])
print(sum(range(101)), sum(range(0, 101, 2)), max(range(7)), min(range(3, 9)))
print(range(0, 5) == range(0, 5), range(0) == range(5, 5), range(1, 4) == range(1, 5))
print(list(reversed(range(5))), list(enumerate(range(10, 13))))
try:
    range(5)[5]
except IndexError as e:
    print("IndexError", e)
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    r.index(12)
except ValueError as e:
    print("ValueError", e)
acc = []
for i in range(10, -11, -5):
    acc.append(i)
print(acc)
print(bool(range(0)), bool(range(1)), list(range(3)) == [0, 1, 2])
print([i * i for i in range(1, 6)], tuple(range(3)), set(range(4)))
big = range(2 ** 64, 2 ** 64 + 3)
print(list(big), len(big), 2 ** 64 + 1 in big)
