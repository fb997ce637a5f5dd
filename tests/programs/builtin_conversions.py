# Constructors as converters: list tuple dict set str int float bool
print(list("abc"), list((1, 2)), list(range(3)), list({"k": 1, "j": 2}), list({3, 1, 2}), list())
print(tuple([1, 2]), tuple("ab"), tuple(), tuple(x for x in range(3)))
print(dict([("a", 1), ("b", 2)]), dict(a=1), dict({"x": 0}, y=1), dict(), dict([[1, 2], (3, 4)]))
print(set([1, 2, 2, 3]), set("aaa"), set(), set(range(5)), set((1, 1)))
print(str(), str(0), str(-1.5), str([1]), str((1,)), str({1: 2}), str(None), str(True))
print(int(), int("7"), int(7.9), int(True), int("-0"), float(), float("3.5"), float(2), float(True))
print(bool(), bool(0), bool("0"), bool([]), bool([[]]), bool(0.0), bool("False"))
print(list(list("ab")), tuple(tuple([1])), dict(dict(a=1)))
l = [1, 2]
l2 = list(l)
l2.append(3)
print(l, l2, l == l2, l is l2)
d = {"a": [1]}
d2 = dict(d)
d2["b"] = 2
d2["a"].append(99)
print(d, d2)
print(list(map(int, ["1", "2"])), [str(x) for x in (1.0, 2.5)], tuple(map(float, "123")))
print(int("  -42\n"), float("  6.25\t"), int(float("3.0")), str(int("0010")))
print(list(dict(zip("ab", [1, 2])).items()), sorted(set("mississippi")))
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
try:
    list(5)
except TypeError as e:
    print("TypeError", e)
try:
    float("1,5")
except ValueError as e:
    print("ValueError", e)
print(type(list()).__name__, type(tuple()).__name__, type(dict()).__name__, type(set()).__name__)
print(str(123) + "4", int("12" + "3") + 1, float("1" + "e3"), list("12") + [3])
