import warnings


def check(n):
    if n < 0:
        warnings.warn("negative value %d" % n)
    return abs(n)


for v in (3, -1, -2, -1):
    check(v)
warnings.warn("old api", DeprecationWarning)
warnings.warn("slow path", RuntimeWarning)
warnings.warn("slow path", RuntimeWarning)
warnings.simplefilter("always")
for i in range(2):
    check(-5)
warnings.warn("too deep", stacklevel=9)
print("done")
raise ValueError("the end")
