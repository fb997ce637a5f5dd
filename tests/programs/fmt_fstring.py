# f-strings: expressions, conversions, = specifier, nested format specs
name = "Ann"
age = 31
pi = 3.14159265
items = [1, 2, 3]
print(f"{name} is {age}")
print(f"{name!r} {name!s} {age!r} {'x'!r}")
print(f"{age + 1} {age * 2:5d} {len(items)} {items[-1]} {items}")
print(f"{pi:.2f} {pi:10.4f}| {pi:<10.1f}| {pi:e} {pi:g}")
print(f"{name=}, {age=}, {age * 2=}, {pi=:.3f}, {name=!s}")
print(f"{{braces}} {{{age}}}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}] [{name:*^{width}}]")
print(f"{'nested ' + name.upper()}")
print(f"{age if age > 30 else 'young'} {'yes' if items else 'no'}")
print(f"{[x * 2 for x in items]} {dict(a=1)} {(1,)}")
print(f"{3 > 2} {None} {1.0} {-0.0} {1e20} {10 ** 20}")
d = {"key": "value"}
print(f"{d['key']} {d}")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
p = P()
print(f"{p} {p!r} {p!s} {[p]}")
print(f"{12345678:,} {12345678:_} {0.5:%} {0.1234:.1%} {255:x}")
for i in range(3):
    print(f"row {i}: {i ** 2:>3} {'*' * i}")
multi = (f"a={1} "
         f"b={2}")
print(multi)
s = "tab"
print(f"{s:>6}|{s:<6}|{s:^6}|{s!r:>8}|")
print(f"{-5:+d} {5:+d} {5: d} {-5: d}")
total = sum(items)
print(f"Total: {total:08.3f} | Avg: {total / len(items):.4g}")
print(f"{'%d' % 5} {format(7, '03d')} {str(8).zfill(3)}")
