# repr/str of nested containers and mixed types
print([1, 2.5, "s", None, True, [], {}, ()])
print((1,), (), ((1, 2), [3, (4,)]), [[[]]])
print({"a": [1, {"b": (2, 3)}], 2: {"c": None}, (1, 2): "tuple-key"})
print({1: {2: {3: {}}}}, {0: [0.0, -0.0, 1e100]})
print([0.1, 1e16, 1.5e-07, float("inf"), float("-inf"), float("nan"), -0.0, 1e22, 123456789.0])
print(["it's", 'say "x"', "a\nb", "\t", "\\", ""])
print(str([1, "a"]), repr([1, "a"]), str(("a",)), repr("a"), str("a"))
print(repr({}), repr(set()), repr(()), repr([]), repr(""), repr(None))
print({3, 1, 2}, {(1, 2)}, [set(), {5}])
print(range(3), [range(1, 2)], {"r": range(0, 10, 2)})
print([1, [2, [3, [4, [5, [6]]]]]])
print(len(str([1, 2, 3])), len(repr("abc")), str(1.0) + str([1.0]))
d = {"list": [1, 2], "tuple": (3,), "nested": {"x": [{"y": 1}]}}
print(d)
print(str(d) == repr(d))
l = [1, 2]
nested = [l, l, (l,)]
print(nested)
l.append(3)
print(nested)
print([True, False, None], (True,), {True: False})
print([2 ** 64, -2 ** 63, 10 ** 30], {2 ** 70: -1})
print(repr(1.0), repr(-1), repr(True), repr(None), repr(2 ** 100))
print([str(x) for x in [1, 1.5, "s", None, [1], (2,)]])
print([repr(x) for x in [1, 1.5, "s", None, [1], (2,)]])
class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "V(" + repr(self.x) + ")"
print([V(1), V("a"), V([V(None)])], {"k": V(3)}, (V(0.5),))
