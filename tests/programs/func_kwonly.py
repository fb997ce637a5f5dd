# Keyword-only arguments and calling errors with their messages
def f(a, b, *, c, d=4):
    return a + b + c + d
print(f(1, 2, c=3), f(1, 2, c=3, d=10), f(b=2, a=1, c=0))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as e:
        print(label, "TypeError:", e)
attempt("missing c", lambda: f(1, 2))
attempt("positional c", lambda: f(1, 2, 3))
attempt("missing a", lambda: f(b=1, c=2))
attempt("dup a", lambda: f(1, 2, a=5, c=1))
attempt("unknown kw", lambda: f(1, 2, c=3, e=5))
def g(x, y=1):
    return x, y
attempt("too many", lambda: g(1, 2, 3))
attempt("none", lambda: g())
attempt("ok", lambda: g(y=5, x=4))
def h():
    return "h"
attempt("h extra", lambda: h(1))
attempt("h kw", lambda: h(k=1))
def two(a, b):
    return a * b
attempt("two missing both", lambda: two())
attempt("two missing b", lambda: two(1))
def kw3(*, x, y, z):
    return x, y, z
attempt("kw3", lambda: kw3(x=1))
attempt("kw3 ok", lambda: kw3(z=3, y=2, x=1))
class K:
    def m(self, v):
        return v
attempt("method extra", lambda: K().m(1, 2))
attempt("method missing", lambda: K().m())
attempt("call int", lambda: 5())
attempt("call None", lambda: None(1))
attempt("len int", lambda: len(5))
def star_kw(a, *args, key):
    return a, args, key
print(star_kw(1, 2, 3, key="k"))
attempt("star_kw", lambda: star_kw(1, 2, 3))
