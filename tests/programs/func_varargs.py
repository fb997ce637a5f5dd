# *args and **kwargs
def show(*args, **kwargs):
    print("args =", args, "kwargs =", kwargs)
show()
show(1, 2, 3)
show(a=1, b=2)
show(1, "x", key=None, other=[1])
def total(first, *rest):
    s = first
    for r in rest:
        s += r
    return s
print(total(1), total(1, 2, 3), total("a", "b", "c"), total([1], [2]))
def mixed(a, b=0, *args, c=10, **kw):
    return a, b, args, c, kw
print(mixed(1))
print(mixed(1, 2, 3, 4))
print(mixed(1, 2, 3, c=5, d=6, e=7))
print(mixed(a=9, c=8, z=7))
def kwonly_after_star(*, x, y=2):
    return x * y
print(kwonly_after_star(x=3), kwonly_after_star(y=5, x=3))
def count_kwargs(**kw):
    return len(kw), sorted(kw)
print(count_kwargs(), count_kwargs(b=1, a=2, c=3))
def order(**kw):
    return list(kw.items())
print(order(z=1, a=2, m=3))
def maxof(*nums):
    if not nums:
        return None
    best = nums[0]
    for n in nums[1:]:
        if n > best:
            best = n
    return best
print(maxof(), maxof(3), maxof(3, 9, 2), maxof(*range(50)))
def args_type(*a, **k):
    return type(a).__name__, type(k).__name__
print(args_type())
def fmt(template, *values, sep=", "):
    return template + ": " + sep.join(str(v) for v in values)
print(fmt("nums", 1, 2, 3), fmt("words", "a", "b", sep="|"), fmt("none"))
def apply(func, *args, **kwargs):
    return func(*args, **kwargs)
print(apply(pow, 2, 10), apply(sorted, [3, 1, 2], reverse=True), apply(mixed, 1, c=2))
