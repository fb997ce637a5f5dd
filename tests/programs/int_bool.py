# bool as an int subtype
print(True + True, True * 10, False - 1, True / 2)
print(True == 1, False == 0, True is True, type(True).__name__)
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int))
print(str(True), repr(False), int(True), float(True))
print(sum([True, True, False, True]))
print(True & True, True | False, True ^ True, -True, ~False)
print(bool(0), bool(1), bool(-3), bool(0.0), bool(0.1), bool(""), bool(" "))
print(bool([]), bool([0]), bool(()), bool({}), bool({0: 0}), bool(None), bool(set()))
print(bool(range(0)), bool(range(1)))
print(not True, not 0, not "", not [1])
print(True < 2, False < True, max(True, 0), min(False, -1))
d = {1: "one", True: "true?", 0: "zero"}
print(d, len(d))
d[False] = "false"
print(d)
l = ["a", "b", "c"]
print(l[True], l[False], l[-True])
print(hash(True), hash(False))
print(True ** 5, 2 ** True, divmod(True, 2))
count = 0
for v in [0, 1, 2, "", "x", None, [], [1]]:
    if v:
        count += 1
    print(repr(v), bool(v))
print("truthy", count)
print(True and 5, 0 and True, False or "x", None or 0)
