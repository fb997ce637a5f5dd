# str.maketrans and str.translate.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# maketrans: the dict form, the two-string form, the deleting third argument.
print(str.maketrans({"a": "x", 98: None, "c": 120, 100: "yz"}))
print(str.maketrans("abc", "xyz"))
print(str.maketrans("abca", "xyzw", "qa"))
print(str.maketrans("", ""))
print(str.maketrans({}))
print(str.maketrans({"é": "e", True: "one"}))
print("ignored".maketrans("ab", "cd"))
show(lambda: str.maketrans())
show(lambda: str.maketrans([]))
show(lambda: str.maketrans("abc"))


class D(dict):
    pass


show(lambda: str.maketrans(D(a="b")))
show(lambda: str.maketrans(1, 2))
show(lambda: str.maketrans(1, "a"))
show(lambda: str.maketrans("a", None))
show(lambda: str.maketrans("ab", "c"))
show(lambda: str.maketrans("ab", "cd", 3))
show(lambda: str.maketrans("a", "b", "c", "d"))
show(lambda: str.maketrans({"ab": 1}))
show(lambda: str.maketrans({1.5: 1}))
show(lambda: str.maketrans({}, "a"))
show(lambda: str.maketrans(x={}))

# translate with dicts.
table = str.maketrans("aeiou", "AEIOU", "xyz")
print("the quick brown fox jumps over the lazy dog".translate(table))
print("hello".translate({ord("l"): "LL", ord("o"): None, ord("h"): 0x1F600}))
print("héllo wörld".translate({ord("é"): "e", ord("ö"): "oe", ord(" "): None}))
print("abc".translate({}))
print("".translate(5))
print("abc".translate({97: True, 98: False}) == "\x01\x00c")
print("aaa".translate({97: ""}))
print("abcabc".translate(str.maketrans({"a": "ä", "b": None})))

# Any mapping or sequence: a missing key (LookupError) leaves the character alone.
print("abc".translate("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 4))
print("abc".translate([]))
print("abc".translate([None] * 98))
print("a9".translate(list(range(200))))


class Rot13:
    def __getitem__(self, n):
        if 97 <= n <= 122:
            return (n - 97 + 13) % 26 + 97
        if 65 <= n <= 90:
            return (n - 65 + 13) % 26 + 65
        raise KeyError(n)


print("Hello, World!".translate(Rot13()))


class Logging:
    """Shows which lookups happen (CPython looks each ASCII character up once while it can)."""

    def __init__(self, table):
        self.table = table
        self.calls = []

    def __getitem__(self, n):
        self.calls.append(chr(n))
        return self.table[n]


for text, t in [
    ("abcabc", {97: "x"}),
    ("abcabc", {97: "xy"}),
    ("aabbaacc", {98: None}),
    ("ab--cd--ef", {45: None, 99: "CC"}),
    ("éaéa", {97: None}),
    ("aé--é", {45: None, 233: "E"}),
]:
    log = Logging(t)
    print(repr(text.translate(log)), "".join(log.calls))


class Missing(dict):
    def __missing__(self, key):
        return "?"


print("abc".translate(Missing({98: "B"})))

# Errors.
show(lambda: "abc".translate({97: 1.5}))
show(lambda: "abc".translate({98: [1]}))
show(lambda: "abc".translate({97: -1}))
show(lambda: "abc".translate({97: 0x110000}))
show(lambda: "abc".translate({97: 10**30}))
show(lambda: "abc".translate(5))
show(lambda: "abc".translate())
show(lambda: "abc".translate({}, {}))
show(lambda: "abc".translate(table={}))
show(lambda: str.translate(1, {}))


class Broken:
    def __getitem__(self, n):
        raise ValueError("broken " + str(n))


show(lambda: "abc".translate(Broken()))

# In a loop (hot for the JIT).
leet = str.maketrans("aeilost", "4311057")
out = []
for i in range(300):
    out.append(("stitch is a toolkit " + str(i)).translate(leet))
print(out[0], out[-1], len(out))
