import warnings

def f(x):
    warnings.warn("careful with %d" % x)
    return x

print("start")
for i in range(3):
    f(1)
f(2)
warnings.warn("top level", RuntimeWarning)
warnings.warn("deprecated here", DeprecationWarning)
def lib():
    warnings.warn("from lib", DeprecationWarning, stacklevel=2)
lib()
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn(UserWarning("an instance"))
def deep():
    warnings.warn("level 3", stacklevel=3)
def mid():
    deep()
mid()
warnings.warn("way too deep", stacklevel=50)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for i in range(3):
        f(7)
    warnings.warn("dep", DeprecationWarning)
    print(len(w))
    for m in w:
        print(type(m.message).__name__, m.message, m.category.__name__, m.filename.endswith("w1.py"), m.lineno)
    print(str(w[0]).replace(__file__, "F"))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        f(9)
    except UserWarning as e:
        print("raised", type(e).__name__, e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    f(10)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    f(11); f(11)
    warnings.warn("careful with 11")
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings("ignore", message="careful")
    warnings.filterwarnings("always", category=RuntimeWarning)
    f(12)
    warnings.warn("rt", RuntimeWarning)
    warnings.warn("rt", RuntimeWarning)
    warnings.warn("other")
    print([str(m.message) for m in w])
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
f(1)
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "  the line  "), end="")
print(len(warnings.filters), warnings.filters[0][:2], warnings.filters[0][3])
print("end")
