import io
import os
import time

path = "stitch_binfiles_" + str(time.time()).replace(".", "") + ".bin"


def show(f):
    return repr(f).replace(path, "PATH")


def attempt(label, fn, *args, **kwargs):
    try:
        r = fn(*args, **kwargs)
        if hasattr(r, "close"):
            r.close()
            r = show(r)
        print(label, "->", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", str(e).replace(path, "PATH"))


# Writing: every byte value, counts returned, bytes-like arguments.
with open(path, "wb") as f:
    print(show(f), type(f).__name__, f.mode, f.name == path, f.closed)
    print(f.readable(), f.writable(), f.seekable(), f.isatty())
    print(f.write(bytes(range(256))))
    print(f.write(bytearray(b"\nline two\n")), f.tell())
    f.writelines([b"third\r\n", bytearray(b"fourth"), b"\n", b"last"])
    print(f.tell(), f.flush())
    attempt("write str", f.write, "text")
    attempt("write int", f.write, 5)
    attempt("writelines str", f.writelines, ["a"])
    attempt("read on writer", f.read)
    attempt("readline on writer", f.readline)
print(f.closed, show(f))

# Reading back.
with open(path, "rb") as f:
    print(show(f), type(f).__name__, f.mode)
    print(f.readable(), f.writable(), f.seekable())
    data = f.read(256)
    print(data == bytes(range(256)), len(data), f.tell())
    print(f.readline(), f.readline(4), f.readline(), f.readline(-1))
    print(f.readlines())
    print(f.read(), f.read(5), f.readline(), f.tell())
    print(f.seek(0), f.read(3), f.tell())
    print(f.seek(-4, 2), f.read(), f.seek(0, 2))
    print(f.seek(250), f.seek(3, 1), f.read(4), f.seek(-2, 1), f.read1(2))
    print(f.seek(0), len(f.read1()), f.read1(5))
    f.seek(256)
    print(f.readlines(9))
    f.seek(256)
    print([line for line in f])
    f.seek(0)
    buf = bytearray(4)
    print(f.readinto(buf), buf)
    print(f.read(None) == bytes(range(4, 256)) + b"\nline two\nthird\r\nfourth\nlast")
    attempt("write on reader", f.write, b"x")
    attempt("truncate on reader", f.truncate)
    attempt("seek negative", f.seek, -1)
    attempt("seek before start", f.seek, -1000, 1)
    attempt("seek whence", f.seek, 0, 7)
    attempt("seek float", f.seek, 1.5)
    attempt("read float", f.read, 1.5)
    attempt("read str", f.read, "x")
    attempt("readinto bytes", f.readinto, b"ab")
    print(f.seek(10_000), f.read(), f.tell())

# Iterating a binary file gives bytes lines.
with open(path, "rb") as f:
    lines = list(f)
print(len(lines), lines[-3:], type(lines[0]).__name__)
print(lines[0][:3], lines[0][-3:])

# Every byte value round trips, one byte at a time too.
with open(path, "wb") as f:
    for i in range(256):
        f.write(bytes([i]))
with open(path, "rb") as f:
    got = [f.read(1)[0] for _ in range(256)]
    print(got == list(range(256)), f.read(1))

# Closed files.
f = open(path, "rb")
f.close()
f.close()
attempt("closed read", f.read)
attempt("closed read1", f.read1)
attempt("closed readline", f.readline)
attempt("closed readlines", f.readlines)
attempt("closed seek", f.seek, 0)
attempt("closed tell", f.tell)
attempt("closed readable", f.readable)
attempt("closed iter", iter, f)
attempt("closed next", next, f)
attempt("closed flush", f.flush)
print(f.closed, show(f))
g = open(path, "wb")
g.close()
attempt("closed write", g.write, b"x")
attempt("closed flush", g.flush)
attempt("closed truncate", g.truncate)
try:
    with g:
        pass
except ValueError as e:
    print("with closed:", e)

# Append and exclusive creation.
with open(path, "wb") as f:
    f.write(b"start")
with open(path, "ab") as f:
    print(show(f), f.mode, f.tell())
    f.write(b"+more")
    print(f.tell())
with open(path, "rb") as f:
    print(f.read())
attempt("xb existing", open, path, "xb")
os.remove(path)
with open(path, "xb") as f:
    print(show(f), f.mode, f.write(b"new"))
with open(path, "rb") as f:
    print(f.read())

# Writing past the end zero-fills, truncate shortens or extends.
with open(path, "wb") as f:
    f.write(b"abc")
    print(f.seek(6), f.write(b"Z"), f.tell())
    print(f.truncate(4), f.tell())
    f.seek(0, 2)
    print(f.tell())
with open(path, "rb") as f:
    print(f.read())

# Text and binary views of the same file.
with open(path, "w") as f:
    f.write("héllo\nwörld\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, "wb") as f:
    f.write(b"ok\xff\xfe\n")
try:
    with open(path) as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
with open(path, errors="replace") as f:
    print(repr(f.read()))
with open(path, encoding="latin-1") as f:
    print(repr(f.read()))
with open(path, "w") as f:
    attempt("text write bytes", f.write, b"x")

# Mode strings.
for mode in ["rw", "rr", "b", "+", "rbt", "bw", "wbx", "q", "", "r+b+", "U"]:
    attempt("mode " + repr(mode), open, path, mode)
attempt("binary encoding", open, path, "rb", encoding="utf-8")
attempt("binary errors", open, path, "rb", -1, None, "strict")
attempt("binary newline", open, path, "wb", newline="")
attempt("mode type", open, path, 5)
attempt("missing", open, "no_such_dir_stitch/x.bin", "rb")
print(io.UnsupportedOperation.__mro__[1:3])
try:
    open(path, "rb").write(b"x")
except OSError as e:
    print("caught as OSError:", type(e).__name__)
try:
    open(path, "wb").read()
except ValueError as e:
    print("caught as ValueError:", type(e).__name__)
os.remove(path)
print(os.path.exists(path))
