# Name resolution: local, enclosing, global, builtin; shadowing
x = "global x"
def show_global():
    return x
def shadow_local():
    x = "local x"
    return x
def enclosing():
    x = "enclosing x"
    def inner():
        return x
    return inner()
print(show_global(), shadow_local(), enclosing(), x)
def shadow_builtin():
    len = lambda s: "fake len"
    return len("abc")
print(shadow_builtin(), len("abc"))
def uses_builtin_later():
    return max([3, 9, 2])
max_backup = max
def max(seq):
    return "shadowed max"
print(uses_builtin_later())
del max
print(uses_builtin_later(), max_backup is max)
counter = 0
def increment(by=1):
    global counter
    counter += by
    return counter
print(increment(), increment(5), counter)
def make():
    value = 1
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = make()
print(get())
set_(42)
print(get())
def loop_var_leak():
    for i in range(3):
        pass
    return i
print(loop_var_leak())
def param_shadows(x):
    x = x * 2
    return x
print(param_shadows(5), x)
def nested_functions_see_later_defs():
    def a():
        return b() + 1
    def b():
        return 10
    return a()
print(nested_functions_see_later_defs())
y = 1
def read_then_global():
    global y
    old = y
    y = old + 100
    return old, y
print(read_then_global(), y)
def default_captures_now(v=x):
    return v
x = "changed global"
print(default_captures_now(), show_global())
