# try / except / else / finally control flow
def run(x):
    log = []
    try:
        log.append("try")
        r = 10 // x
        log.append("computed " + str(r))
    except ZeroDivisionError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(2))
print(run(0))
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        print("  could not parse", repr(s), "-", e)
        return None
    finally:
        print("  parse done for", repr(s))
print(parse("42"), parse("x"))
def multi(v):
    try:
        if v == 0:
            return 1 / v
        if v == 1:
            return [][v]
        if v == 2:
            return {}["k"]
        if v == 3:
            return int("bad")
        if v == 4:
            return undefined_name
        return "fine"
    except (ZeroDivisionError, IndexError) as e:
        return "arith/index: " + type(e).__name__
    except KeyError as e:
        return "key: " + repr(e)
    except Exception as e:
        return "other: " + type(e).__name__ + ": " + str(e)
for v in range(6):
    print(v, multi(v))
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("not here")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)
e_saved = None
try:
    raise KeyError("k")
except KeyError as e:
    e_saved = e
print(type(e_saved).__name__, e_saved.args)
try:
    print("no exception")
except Exception:
    print("never")
else:
    print("else branch")
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise RuntimeError("retry")
        break
    except RuntimeError as e:
        print("attempt", count, e)
print("succeeded after", count)
