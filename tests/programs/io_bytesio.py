import io


def attempt(label, fn, *args):
    try:
        print(label, "->", repr(fn(*args)))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


b = io.BytesIO(b"hello\nworld\nlast")
print(type(b).__name__, repr(b).startswith("<_io.BytesIO object at 0x"), b.closed)
print(b.readable(), b.writable(), b.seekable(), b.isatty())
print(b.read(3), b.tell(), b.read1(2), b.read1(), b.read())
b.seek(0)
print(b.readline(), b.readline(2), b.readline(), b.readline(-1), b.readline())
b.seek(0)
print(b.readlines(), b.readlines())
b.seek(0)
print(b.readlines(7))
b.seek(0)
print(list(b), [x for x in b])
print(b.seek(2), b.write(b"LL"), b.getvalue(), b.tell())
print(b.seek(0, 2), b.write(bytearray(b"!")), b.getvalue())
print(b.seek(20), b.write(b"X"), b.getvalue(), b.tell())
print(b.seek(-3, 2), b.read(), b.seek(-100, 1), b.seek(-100, 2), b.seek(2, 1))
print(b.truncate(5), b.getvalue(), b.tell())
print(b.truncate(), b.getvalue(), b.seek(0, 2))
print(b.truncate(50), b.getvalue())
b.writelines([b"-a", bytearray(b"-b")])
print(b.getvalue())
buf = bytearray(3)
b.seek(1)
print(b.readinto(buf), buf, b.tell())
attempt("write str", b.write, "s")
attempt("writelines str", b.writelines, ["s"])
attempt("seek negative", b.seek, -1)
attempt("seek whence", b.seek, 0, 5)
attempt("seek float", b.seek, 1.5)
attempt("seek str", b.seek, "a")
attempt("read float", b.read, 1.0)
attempt("truncate negative", b.truncate, -1)
attempt("BytesIO str", io.BytesIO, "s")
attempt("BytesIO int", io.BytesIO, 5)
print(io.BytesIO(bytearray(b"q")).getvalue(), io.BytesIO().getvalue(), io.BytesIO(None).read())
print(io.BytesIO(initial_bytes=b"kw").read())
v = io.BytesIO(b"abc")
snapshot = v.getvalue()
v.write(b"Z")
print(snapshot, v.getvalue())
print(io.BytesIO(b"a\r\nb\rc\n").readlines())
print(io.BytesIO(bytes(range(256))).read() == bytes(range(256)))
w = io.BytesIO()
for i in range(256):
    w.write(bytes([i]))
w.seek(0)
print([w.read(1)[0] for _ in range(256)] == list(range(256)), w.read(1))
print(w.getvalue()[250:], len(w.getvalue()))

with io.BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed)
for name, args in [("read", ()), ("read1", ()), ("readline", ()), ("readlines", ()),
                   ("write", (b"x",)), ("writelines", ([b"x"],)), ("seek", (0,)),
                   ("tell", ()), ("flush", ()), ("getvalue", ()), ("truncate", ()),
                   ("readable", ()), ("writable", ()), ("seekable", ()),
                   ("__next__", ()), ("__enter__", ()), ("readinto", (bytearray(2),))]:
    attempt("closed " + name, getattr(c, name), *args)
attempt("closed next", next, c)

# StringIO: truncate, seeking past the end, whence.
s = io.StringIO("abcdef")
print(s.seek(2), s.truncate(), repr(s.getvalue()), s.truncate(1), repr(s.getvalue()), s.tell())
print(s.seek(5), s.write("z"), repr(s.getvalue()), s.tell())
print(s.seek(0, 2), s.seek(0, 1), s.seek(1), s.read(), s.tell())
s = io.StringIO("héllo wörld")
print(s.seek(3), s.read(3), s.tell(), s.truncate(4), repr(s.getvalue()))
attempt("stringio seek cur", s.seek, 1, 1)
attempt("stringio seek end", s.seek, 1, 2)
attempt("stringio seek whence", s.seek, 0, 3)
attempt("stringio seek negative", s.seek, -1)
attempt("stringio truncate negative", s.truncate, -1)
attempt("stringio write bytes", s.write, b"x")
attempt("stringio read float", s.read, 1.5)
s.close()
for name in ["truncate", "readable", "writable", "seekable", "tell", "read", "write"]:
    attempt("closed stringio " + name, getattr(s, name), *(["x"] if name == "write" else []))
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
