# json: encoding with CPython's formatting and options, decoding with its hooks and errors.
import io
import json

data = {
    "name": "stitch",
    "version": [0, 1, 0],
    "ratio": 0.1 + 0.2,
    "big": 2 ** 70,
    "neg": -3.5e-10,
    "ok": True,
    "missing": None,
    "nested": {"a": [], "b": {}, "c": [{"d": (1, 2)}]},
    "text": 'quote " backslash \\ tab \t newline \n bell \x07 caf\u00e9 \u20ac \U0001f600',
}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data["nested"], indent="\t"))
print(json.dumps(data["version"], separators=(",", ":")))
print(json.dumps({"a": 1, "b": [1, 2]}, indent=0))
print(json.dumps({3: "int key", 1.5: "float key", True: "bool", None: "none"}))
print(json.dumps([float("nan"), float("inf"), -float("inf"), 1e300 * 10 ** 0, 1e16, 123.0]))
print(json.dumps("plain string"), json.dumps(42), json.dumps(None), json.dumps([]))
print(json.dumps({(1, 2): "tuple key", "kept": 1}, skipkeys=True))

for bad, kwargs in [({(1, 2): 1}, {}), ({1, 2}, {}), ([float("nan")], {"allow_nan": False})]:
    try:
        json.dumps(bad, **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

circular = []
circular.append(circular)
try:
    json.dumps(circular)
except ValueError as e:
    print("ValueError", e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(json.dumps([Point(1, 2)], default=lambda p: {"x": p.x, "y": p.y}))


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)


print(json.dumps({"p": Point(3, 4)}, cls=PointEncoder))

# Decoding.
text = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\u00e9\\n\\ud83d\\ude00"}, "e": ""}'
value = json.loads(text)
print(value)
print(json.loads(json.dumps(data)) == {**data, "nested": {"a": [], "b": {}, "c": [{"d": [1, 2]}]}})
print(json.loads("  [1, 2]  "), json.loads("3"), json.loads('"x"'), json.loads("NaN"), json.loads("-Infinity"))
print(json.loads(b'{"bytes": 1}'))
print(json.loads('{"a": 1.5, "b": 2}', parse_float=str, parse_int=lambda s: int(s) * 100))
print(json.loads('[{"a": 1}, {"b": 2}]', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"z": 1, "a": 2, "z": 3}', object_pairs_hook=list))
print(json.loads('{"z": 1, "a": 2, "z": 3}'))

for bad in ['', '  ', '[1, 2', '{"a" 1}', '{"a": 1,}', '[1,]', '{1: 2}', '[1] x', '"abc',
            '"bad \\x escape"', '"\\u12"', 'tru', '{"a": 1 "b": 2}', '[\n  1,\n  oops\n]', '"tab\there"']:
    try:
        json.loads(bad)
        print("parsed", repr(bad))
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))

# dump and load through files.
buffer = io.StringIO()
json.dump({"k": [1, 2, {"x": None}]}, buffer, indent=4)
print(buffer.getvalue())
buffer.seek(0)
print(json.load(buffer))
