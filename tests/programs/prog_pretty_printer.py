# Recursive pretty-printer and serializer for nested data (JSON-like)
def to_json(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        out = '"'
        for ch in v:
            if ch == '"':
                out += '\\"'
            elif ch == "\\":
                out += "\\\\"
            elif ch == "\n":
                out += "\\n"
            else:
                out += ch
        return out + '"'
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(to_json(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(to_json(str(k)) + ": " + to_json(x) for k, x in v.items()) + "}"
    raise TypeError("cannot serialize " + type(v).__name__)
def pretty(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict) and v:
        lines = ["{"]
        items = list(v.items())
        for i, (k, x) in enumerate(items):
            comma = "," if i < len(items) - 1 else ""
            lines.append(pad + "  " + to_json(str(k)) + ": " + pretty(x, indent + 1) + comma)
        lines.append(pad + "}")
        return "\n".join(lines)
    if isinstance(v, list) and v:
        inner = [pretty(x, indent + 1) for x in v]
        if all("\n" not in s for s in inner) and sum(len(s) for s in inner) < 40:
            return "[" + ", ".join(inner) + "]"
        return "[\n" + ",\n".join(pad + "  " + s for s in inner) + "\n" + pad + "]"
    return to_json(v)
doc = {
    "name": "stitch",
    "version": [0, 1, 2],
    "ok": True,
    "nothing": None,
    "ratio": 0.1 + 0.2,
    "quote": 'say "hi"\nbye\\',
    "nested": {"a": [1, {"b": []}, {}], "big": 2 ** 70, "neg": -0.0},
    "long": ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"],
}
print(to_json(doc))
print(pretty(doc))
print(to_json([]), to_json({}), to_json((1, "x")), to_json(1e100), to_json(-5))
def depth(v):
    if isinstance(v, dict):
        return 1 + max((depth(x) for x in v.values()), default=0)
    if isinstance(v, list):
        return 1 + max((depth(x) for x in v), default=0)
    return 0
print(depth(doc), depth([]), depth([[[[]]]]), depth(5))
try:
    to_json({1, 2})
except TypeError as e:
    print("TypeError:", e)
