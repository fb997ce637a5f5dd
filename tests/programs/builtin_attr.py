# hasattr, getattr, setattr (and delattr via del) on objects
class Config:
    debug = False
    level = 1
    def __init__(self):
        self.name = "default"
c = Config()
for attr in ["debug", "level", "name", "missing", "__init__"]:
    print(attr, hasattr(c, attr), getattr(c, attr, "<none>") if attr != "__init__" else "method")
setattr(c, "level", 5)
setattr(c, "extra", [1, 2])
print(c.level, Config.level, c.extra, getattr(c, "extra")[1])
fields = {"host": "localhost", "port": 8080, "debug": True}
for k, v in fields.items():
    setattr(c, k, v)
print(c.host, c.port, c.debug, Config.debug)
print([getattr(c, k) for k in sorted(fields)])
setattr(Config, "shared", "class attr")
print(c.shared, Config().shared)
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError", e)
print(getattr(c, "nope", None), getattr(Config, "level"), getattr(Config, "nope", 0))
def call_method(obj, name, *args):
    m = getattr(obj, name)
    return m(*args)
print(call_method("hello", "upper"), call_method([3, 1, 2], "index", 2), call_method("a,b", "split", ","))
print(hasattr("s", "upper"), hasattr(5, "nope"), hasattr([], "append"), hasattr([], "nope"))
class Counter:
    def __init__(self):
        self.hits = 0
    def incr(self):
        self.hits += 1
ctr = Counter()
for _ in range(3):
    getattr(ctr, "incr")()
print(ctr.hits)
setattr(ctr, "hits", getattr(ctr, "hits") * 10)
print(ctr.hits)
class Point:
    __slots__ = ("x", "y")
p = Point()
print(hasattr(p, "x"))
setattr(p, "x", 1)
print(hasattr(p, "x"), getattr(p, "x"))
try:
    setattr(p, "z", 1)
except AttributeError as e:
    print("AttributeError", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError", e)
