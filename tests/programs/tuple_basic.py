# tuple creation, indexing, slicing, concatenation, repr
t = (1, "two", 3.0, None, [5])
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t[::2])
print((), (1,), (1, 2), tuple(), tuple([1, 2]), tuple("abc"), tuple(range(3)))
single = 5,
print(single, type(single).__name__, len(single))
print((1, 2) + (3,), (0,) * 3, 2 * (1, 2), () * 5)
t[4].append(6)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
try:
    t[10]
except IndexError as e:
    print("IndexError", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError", e)
print(3.0 in t, "x" in t, None in t)
print(((1, 2), (3, (4, 5)))[1][1][0])
nested = ((1,), ((2,),), (((3,),),))
print(nested)
u = (1, 2)
v = u
u += (3,)
print(u, v, u is v)
print(tuple([[1], [2]]), tuple({3: 4}), tuple(x * 2 for x in range(4)))
for i, x in enumerate(("a", "b", "c")):
    print(i, x)
total = 0
for x in (1, 2, 3):
    total += x
print(total, sum((4, 5)), max((1, 9, 3)), min(("b", "a")))
print(repr((1,)), str(("a",)), repr(((),)), repr(([],)))
coords = [(1, 2), (3, 4), (5, 6)]
xs = tuple(c[0] for c in coords)
ys = tuple(c[1] for c in coords)
print(xs, ys, list(zip(xs, ys)) == coords)
