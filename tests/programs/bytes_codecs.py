# str.encode / bytes.decode: UTF-8, ASCII and Latin-1 under their aliases, the error handlers,
# and CPython's UnicodeDecodeError / UnicodeEncodeError messages.
def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)

texts = ["plain", "café", "naïve – “quotes”", "日本語", "emoji 🎉!", ""]
for t in texts:
    u = t.encode()
    print(repr(t), u, len(u), u.decode() == t, t.encode("utf-8") == t.encode("UTF8") == t.encode("utf_8"))
    print(" ", t.encode("ascii", "ignore"), t.encode("ascii", "replace"), t.encode("ascii", "backslashreplace"), t.encode("ascii", "xmlcharrefreplace"))
    print(" ", t.encode("latin-1", "replace"), t.encode("iso-8859-1", "backslashreplace"))
print("é".encode("latin1"), "é".encode("L1"), b"\xe9".decode("latin-1"), bytes(range(250, 256)).decode("latin_1"))
print(str(b"abc", "utf-8"), str(b"\xff", "latin-1"), str(b"a\xffb", "ascii", "replace"), str(b"x", encoding="ascii"))
bad = [b"\xff", b"abc\x80def", b"\xc3", b"\xe4\xb8", b"\xe4\x41", b"\xf0\x90\x80", b"\xf0\x90\x41", b"\xed\xa0\x80", b"\xc0\xaf", b"ok\xf8tail"]
for b in bad:
    err(lambda: b.decode())
    print(" ", b.decode("utf-8", "replace"), b.decode("utf-8", "ignore"), b.decode("utf-8", "backslashreplace"))
    err(lambda: b.decode("ascii"))
    print(" ", b.decode("ascii", "replace"), b.decode("ascii", "ignore"))
err(lambda: "ñandú".encode("ascii"))
err(lambda: "x€".encode("latin-1"))
err(lambda: "a😀b😀😀".encode("ascii"))
err(lambda: "abc".encode("rot-13x"))
err(lambda: b"abc".decode("nope"))
err(lambda: "é".encode("ascii", "bogus"))
err(lambda: "abc".encode("ascii", "bogus"))
err(lambda: "abc".encode(5))
err(lambda: b"abc".decode(errors=1))
err(lambda: str(b"x", 1))
err(lambda: str("x", "utf-8"))
err(lambda: str(5, "utf-8"))
try:
    b"\xff".decode()
except UnicodeError as e:
    print("caught as UnicodeError:", isinstance(e, ValueError), type(e).__mro__[1].__name__)
print(UnicodeDecodeError.__mro__[1:3], UnicodeEncodeError.__name__)
