# The reprs of built-in iterators name their type (the address part differs between runs).
def kind(it):
    return repr(it).split(" at ")[0]

for it in [iter([]), iter(()), iter(range(3)), iter("ab"), iter({}), iter({}.values()),
           iter({}.items()), iter(set()), reversed([1]), enumerate([]), zip(), map(abs, []),
           filter(None, []), iter(b""), iter(bytearray())]:
    print(kind(it), type(it).__name__)
