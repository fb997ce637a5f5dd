import io
import os
import time

path = "stitch_plus_" + str(time.time()).replace(".", "") + ".txt"


def show(f):
    return repr(f).replace(path, "PATH")


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, "->", repr(fn(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__ + ":", str(e).replace(path, "PATH"))


# w+: write, seek(0), read.
with open(path, "w+") as f:
    print(show(f), type(f).__name__, f.mode, f.readable(), f.writable(), f.seekable())
    print(f.write("alpha\nbeta\n"), f.tell())
    print(f.seek(0), repr(f.read()), f.tell())
    f.seek(0)
    print(repr(f.readline()), f.tell())
    print(f.write("GAMMA\n"), f.tell())
    f.seek(0)
    print(f.readlines())
    print(f.seek(0, 2), f.write("end"), f.tell())
    f.seek(0)
    print(repr(f.read()))

# r+: read then append, overwrite at the start, truncate.
with open(path, "r+") as f:
    print(show(f), f.mode, repr(f.read(5)), f.tell())
    rest = f.read()
    print(repr(rest), f.tell())
    f.write("\nappended")
    f.seek(0)
    print(repr(f.read()))
    f.seek(0)
    f.write("ALPHA")
    print(f.tell(), repr(f.readline()))
    f.seek(0)
    f.write("short\n")
    print(f.truncate(), f.tell(), repr(f.read()))
with open(path) as f:
    print(repr(f.read()))

# r+: a write after reading lands where CPython's read-ahead stopped.
with open(path, "w") as f:
    f.write("one\ntwo\nthree\n")
with open(path, "r+") as f:
    print(repr(f.readline()), f.tell())
    f.write("X\n")
    print(f.tell())
    f.seek(0)
    print(repr(f.read()))
    f.seek(4)
    f.write("TWO")
    print(f.tell(), repr(f.readline()))
    f.seek(0)
    print(f.readlines())

# a+: reading starts at the end; writes always go to the end.
with open(path, "a+") as f:
    print(show(f), f.tell(), repr(f.read()))
    f.seek(0)
    print(repr(f.readline()))
    f.write("tail\n")
    print(f.tell(), repr(f.read()))
    f.seek(0)
    print(repr(f.read()))

# x+ on a new file.
os.remove(path)
with open(path, "x+") as f:
    print(show(f), f.write("new\nfile\n"))
    f.seek(0)
    print(list(f))

# Non-ASCII text: tell() counts bytes, seek() takes tell() values.
with open(path, "w+", encoding="utf-8") as f:
    print(show(f), f.encoding, f.errors)
    f.write("héllo\nwörld ✓\nend\n")
    f.seek(0)
    print(repr(f.readline()), f.tell())
    mark = f.tell()
    print(repr(f.readline()), f.tell())
    f.seek(mark)
    print(repr(f.read(5)), repr(f.readline()))
    f.seek(0, 2)
    print(f.tell())
    attempt("seek cur", f.seek, 1, 1)
    attempt("seek end", f.seek, -1, 2)
    attempt("seek negative", f.seek, -1)
    attempt("seek whence", f.seek, 0, 4)
    print(f.seek(0, 1) == f.tell())

# Binary + modes.
with open(path, "wb+") as f:
    print(show(f), type(f).__name__, f.mode)
    f.write(bytes(range(256)))
    f.seek(10)
    print(f.read(3), f.tell())
    f.write(b"XYZ")
    f.seek(0)
    data = f.read()
    print(len(data), data[8:20])
with open(path, "rb+") as f:
    print(show(f), f.mode, f.read(2))
    f.write(b"--")
    f.seek(0, 2)
    f.write(b"END")
    f.seek(0)
    print(f.read(6), f.seek(-4, 2), f.read())
    print(f.truncate(5), f.tell())
    f.seek(0)
    print(f.read())
with open(path, "ab+") as f:
    print(show(f), f.mode, f.tell(), f.read())
    f.write(b"!")
    print(f.tell())
    f.seek(0)
    print(f.read())
with open(path, "r+b") as f:
    print(show(f), f.mode)

# Encodings and error handlers.
with open(path, "w", encoding="latin-1") as f:
    print(show(f), f.write("café ÿ\n"), f.tell())
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="latin-1") as f:
    print(repr(f.read()))
attempt("utf-8 read of latin-1", lambda: open(path).read())
with open(path, errors="replace") as f:
    print(repr(f.read()))
with open(path, errors="ignore") as f:
    print(repr(f.read()))
with open(path, errors="backslashreplace") as f:
    print(repr(f.read()))
with open(path, "w", encoding="ascii") as f:
    attempt("ascii write", f.write, "naïve")
    f.write("plain\n")
with open(path, "w", encoding="ascii", errors="replace") as f:
    f.write("naïve ✓\n")
with open(path, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("naïve ✓\n")
with open(path, encoding="ascii") as f:
    print(repr(f.read()))
with open(path, "r+", encoding="latin-1") as f:
    f.write("Ñ")
    f.seek(0)
    print(repr(f.read()), f.tell())
attempt("unknown encoding", open, path, encoding="bogus-codec")
attempt("encoding type", open, path, encoding=5)
attempt("errors type", open, path, errors=5)
attempt("newline value", open, path, newline="x")

# A bad byte far into a large file is only reported when reading reaches it.
with open(path, "wb") as f:
    f.write(b"line\n" * 3000 + b"bad \xff byte\n")
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()))
    try:
        f.read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
with open(path, "wb") as f:
    f.write(b"ok\n\xe2\x9c")
attempt("truncated sequence", lambda: open(path).read())

# Newlines.
with open(path, "wb") as f:
    f.write(b"one\r\ntwo\rthree\nfour")
with open(path) as f:
    print(list(f))
with open(path, newline="") as f:
    print(list(f))
with open(path, newline="\n") as f:
    print(list(f))
with open(path, newline="\r") as f:
    print(list(f))
with open(path, newline="\r\n") as f:
    print(list(f))
with open(path, "wb") as f:
    f.write(b"one\r\ntwo\r\nthree\n")
with open(path) as f:
    print(repr(f.readline()), f.tell(), repr(f.readline()), f.tell())
    mark = f.tell()
    print(repr(f.read()), f.seek(mark), repr(f.readline()), f.tell())
with open(path, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, "w+", newline="") as f:
    f.write("x\r\ny\n")
    f.seek(0)
    print(repr(f.read()))

# Reading/writing on the wrong kind of stream.
with open(path, "w") as f:
    attempt("read on w", f.read)
    print(f.write("abc"), f.tell())
    f.seek(0)
    f.write("X")
    print(f.tell())
with open(path) as f:
    print(repr(f.read()))
    attempt("write on r", f.write, "x")
    attempt("truncate on r", f.truncate)
    attempt("read float", f.read, 1.5)
    attempt("readline float", f.readline, 1.5)
with open(path, "a") as f:
    attempt("iterate on a", list, f)
f = open(path)
f.close()
attempt("closed read", f.read)
attempt("closed readable", f.readable)
attempt("closed iter", iter, f)
print(f.writable(), f.closed, show(f), f.encoding)
print(type(io.open), io.open is open)
with io.open(path, "rb") as f:
    print(f.read())
os.remove(path)
print(os.path.exists(path))
