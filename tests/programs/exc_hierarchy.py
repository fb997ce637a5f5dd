# Exception class hierarchy and catching by base classes
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (IndexError, LookupError), (KeyError, LookupError), (LookupError, Exception),
    (ValueError, Exception), (TypeError, Exception), (NameError, Exception),
    (AttributeError, Exception), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (StopIteration, Exception),
    (AssertionError, Exception), (Exception, BaseException),
    (KeyError, IndexError), (ValueError, TypeError), (ZeroDivisionError, ValueError),
]
for sub, base in pairs:
    print(sub.__name__, "<", base.__name__, issubclass(sub, base))
def raiser(kind):
    if kind == "zero":
        return 1 // 0
    if kind == "index":
        return [][1]
    if kind == "key":
        return {}["x"]
    if kind == "overflow":
        return float(2 ** 5000)
    if kind == "value":
        return int("?")
    if kind == "type":
        return None + 1
    if kind == "name":
        return not_defined
    if kind == "attr":
        return (1).foo
    if kind == "notimpl":
        raise NotImplementedError
    return "ok"
for kind in ["zero", "index", "key", "overflow", "value", "type", "name", "attr", "notimpl", "none"]:
    try:
        r = raiser(kind)
        print(kind, "->", r)
    except LookupError as e:
        print(kind, "LookupError branch:", type(e).__name__, e)
    except ArithmeticError as e:
        print(kind, "ArithmeticError branch:", type(e).__name__, e)
    except (ValueError, TypeError) as e:
        print(kind, "Value/Type branch:", type(e).__name__, e)
    except RuntimeError as e:
        print(kind, "RuntimeError branch:", type(e).__name__, repr(str(e)))
    except Exception as e:
        print(kind, "Exception branch:", type(e).__name__, e)
try:
    raise IndexError
except LookupError as e:
    print(type(e).__name__, repr(str(e)), e.args, isinstance(e, Exception))
err = ValueError("a", 2, None)
print(str(err), err.args, repr(err), repr(ValueError()), repr(KeyError("k")))
print(str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")), str(ZeroDivisionError("z")))
print(isinstance(err, ValueError), isinstance(err, LookupError), type(err) is ValueError)
