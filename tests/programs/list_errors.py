# Errors from list operations and their messages
a = [1, 2, 3]
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except IndexError as e:
        print(label, "IndexError", e)
    except ValueError as e:
        print(label, "ValueError", e)
    except TypeError as e:
        print(label, "TypeError", e)
attempt("get3", lambda: a[3])
attempt("get-4", lambda: a[-4])
attempt("get-3", lambda: a[-3])
attempt("getstr", lambda: a["x"])
attempt("getfloat", lambda: a[1.0])
attempt("slice", lambda: a[1:100])
attempt("pop", lambda: [].pop())
attempt("pop9", lambda: a.copy().pop(9))
attempt("remove", lambda: a.copy().remove(9))
attempt("index", lambda: a.index(9))
attempt("mulstr", lambda: a * "2")
attempt("addint", lambda: a + 1)
attempt("hash", lambda: hash(a))
attempt("setkey", lambda: {a: 1})
attempt("insert", lambda: a.copy().insert("x", 1))
def setitem(i):
    b = [0, 0]
    b[i] = 1
    return b
attempt("set5", lambda: setitem(5))
attempt("set-1", lambda: setitem(-1))
def delitem(i):
    b = [0, 1, 2]
    del b[i]
    return b
attempt("del3", lambda: delitem(3))
attempt("del0", lambda: delitem(0))
attempt("unpack", lambda: [x for x, y in [(1, 2), (3,)]])
attempt("int", lambda: int("1.5"))
attempt("sort", lambda: sorted([None, 1]))
attempt("max", lambda: max([]))
attempt("min", lambda: min([], default="empty"))
