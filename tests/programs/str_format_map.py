# str.format_map: fields looked up with mapping[key], so __missing__ and any mapping work.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


point = {"x": 3, "y": -4, "name": "P"}
print("{name}({x}, {y})".format_map(point))
print("{x:>5}|{y:+d}|{name!r:^7}|{{literal}}".format_map(point))


class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"


print("{a} and {b} and {c}".format_map(Default(a=1)))
print("{a.real} {b[0]} {b[1]}".format_map({"a": 5, "b": [7, 8]}))


class Mapping:
    """Not a dict at all: only __getitem__."""

    def __init__(self):
        self.seen = []

    def __getitem__(self, key):
        self.seen.append(key)
        return key.upper() * 2


m = Mapping()
print("{ab}-{cd}-{ab}".format_map(m))
print(m.seen)

# Nested format specs come from the mapping too.
print("{v:{w}.{p}f}".format_map({"v": 3.14159, "w": 10, "p": 2}))

# Errors.
show(lambda: "{}".format_map({}))
show(lambda: "{0}".format_map({"0": 1}))
show(lambda: "{a} {}".format_map({"a": 1}))
show(lambda: "{missing}".format_map({}))
show(lambda: "{a}".format_map(42))
show(lambda: "plain".format_map(42))
show(lambda: "{a}".format_map())
show(lambda: "{a}".format_map({}, {}))
show(lambda: "{a}".format_map(mapping={}))
show(lambda: str.format_map(1, {}))
show(lambda: "{a!x}".format_map({"a": 1}))
show(lambda: "{a".format_map({"a": 1}))
show(lambda: "{a[0]}".format_map({"a": []}))


class Raising(dict):
    def __missing__(self, key):
        raise LookupError("no " + key)


show(lambda: "{zz}".format_map(Raising()))

# In a loop (hot for the JIT).
rows = []
for i in range(300):
    rows.append("{k}={v}".format_map({"k": "n" + str(i % 7), "v": i}))
print(rows[0], rows[150], rows[-1], len(rows))
