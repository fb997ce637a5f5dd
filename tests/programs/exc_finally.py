# finally clauses: ordering, return/break/continue interaction
def f1():
    try:
        return "try"
    finally:
        print("  f1 finally")
print(f1())
def f2():
    try:
        return "try"
    finally:
        return "finally wins"
print(f2())
def f3():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f3())
def f4():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  x set to", x)
print(f4())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def nested():
    order = []
    try:
        try:
            order.append("inner try")
            raise KeyError("k")
        finally:
            order.append("inner finally")
    except KeyError:
        order.append("outer except")
    finally:
        order.append("outer finally")
    return order
print(nested())
def gen_cleanup():
    results = []
    for n in [1, 0, 2]:
        try:
            results.append(10 // n)
        except ZeroDivisionError as e:
            results.append(str(e))
        finally:
            results.append("done " + str(n))
    return results
print(gen_cleanup())
def finally_raises():
    try:
        return 1
    finally:
        raise RuntimeError("from finally")
try:
    finally_raises()
except RuntimeError as e:
    print("caught", e)
count = 0
while count < 3:
    try:
        count += 1
    finally:
        print("loop finally", count)
