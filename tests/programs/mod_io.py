# io.StringIO as an in-memory text buffer
import io
from io import StringIO
buf = io.StringIO()
buf.write("hello")
buf.write(", ")
n = buf.write("world")
print(n, repr(buf.getvalue()))
print("line one", file=buf)
print("a", "b", 3, sep="-", end="!\n", file=buf)
print(repr(buf.getvalue()))
print(buf.getvalue().splitlines())
out = StringIO()
for i in range(5):
    print(i, i * i, file=out)
text = out.getvalue()
print(len(text), text.count("\n"))
print(text, end="")
table = StringIO()
rows = [("name", "qty"), ("apple", 3), ("pear", 10)]
for a, b in rows:
    table.write(str(a).ljust(8) + str(b).rjust(4) + "\n")
print(table.getvalue(), end="")
init = StringIO("preloaded text")
print(repr(init.getvalue()))
def render(items):
    s = StringIO()
    s.write("[")
    first = True
    for it in items:
        if not first:
            s.write(", ")
        s.write(repr(it))
        first = False
    s.write("]")
    return s.getvalue()
print(render([1, "two", 3.0]), render([]), render([None]) == repr([None]))
log = StringIO()
def logged(msg):
    print("LOG:", msg, file=log)
logged("start")
logged("stop")
print(log.getvalue().strip().split("\n"))
