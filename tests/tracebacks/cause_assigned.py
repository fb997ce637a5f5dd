def fail():
    e = ValueError('first')
    e.__cause__ = KeyError('the cause')
    e.args = ('replaced', 2)
    raise e


try:
    fail()
except ValueError as err:
    print(err.args, err.__suppress_context__, repr(err.__cause__))
    err.__context__ = None
    err.__suppress_context__ = False
    err.__cause__ = None
    print(err.__suppress_context__)
    try:
        err.__cause__ = 5
    except TypeError as t:
        print(t)
fail()
