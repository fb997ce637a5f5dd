def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print("error:", e)
        return None
    finally:
        print("done")


def gen(n):
    for i in range(n):
        yield i * i


print(safe_div(1, 0), [x for x in gen(4) if x], f"{3.5:>6.2f}")
