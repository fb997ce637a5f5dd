import io
import os
import time
path = "stitch_files_" + str(time.time()).replace(".", "") + ".tmp"
with open(path, "w") as f:
    print(f.closed, f.name == path, f.mode, f.writable(), f.readable())
    n = f.write("first line\n")
    f.write("second line\n")
    f.writelines(["third\n", "fourth"])
    print("wrote", n)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, "a") as f:
    f.write("\nappended ünïcode ✓\n")
with open(path, encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, repr(line))
f = open(path)
print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
print(f.readlines())
print(repr(f.read()), repr(f.readline()))
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("no_such_dir/nofile.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
except OSError as e:
    print("OSError", e)
try:
    with open(path, "x") as g:
        pass
except FileExistsError as e:
    print("FileExistsError:", str(e).replace(path, "PATH"))
try:
    open(path, "q")
except ValueError as e:
    print("ValueError:", e)
with open(path, "w") as f:
    print("to file", 1, 2, sep="-", file=f)
    print("more", file=f)
with open(path) as f:
    lines = [l.rstrip("\n") for l in f]
print(lines)
with open(path) as f:
    print(sum(1 for _ in f), f.closed)
print(f.closed)
s = io.StringIO()
s.write("abc")
print("x", file=s)
print(repr(s.getvalue()))
s = io.StringIO("l1\nl2\nl3")
print(s.readline(), end="")
print(list(s))
s.seek(0)
print(repr(s.read(4)), s.tell())
with io.StringIO("ctx") as s2:
    print(s2.read())
print(s2.closed)
try:
    s2.getvalue()
except ValueError as e:
    print("ValueError:", e)
class Logger:
    def __init__(self): self.parts = []
    def write(self, t): self.parts.append(t)
lg = Logger()
print("hello", "world", file=lg)
print(lg.parts)
import sys; print(type(sys.stdout).__name__)
os.remove(path)
print(os.path.exists(path))
