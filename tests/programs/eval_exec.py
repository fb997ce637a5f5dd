# eval, exec and compile: namespaces, scoping, code objects, errors.
def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = 10
print(eval("1 + 2"), eval("x * 2"), eval("  x + 1"), eval("[i * i for i in range(4)]"), eval("(lambda a: a + x)(5)"))
print(eval("y + 1", {"y": 41}), eval("a + b", {"a": 1}, {"b": 2}), eval("len('abc')", {}))
exec("z = x + 5")
print(z)
g = {}
exec("def f(n):\n    return n * k\nk = 3\nr = f(7)", g)
print(g["r"], g["f"](2), sorted(k for k in g if k != "__builtins__"), "__builtins__" in g)
ns_g, ns_l = {"a": 1}, {}
exec("b = a + 1\nc = [a * i for i in range(3)]", ns_g, ns_l)
print(ns_l, "b" in ns_g)
exec("class K:\n    v = 5\n    def m(self):\n        return self.v * 2\nobj = K()", g)
print(g["obj"].m(), g["K"].__name__, g["K"].__module__ if "__name__" in g else "no module name")

def scope_demo(p):
    q = p * 2
    def inner():
        return q + 1
    print(eval("p + q"), eval("inner()"), sorted(eval("locals()", {"locals": locals}).keys()) if False else "")
    exec("q = 100")  # does not change the function's q
    return q
print(scope_demo(4))

code = compile("s = 0\nfor i in range(5):\n    s += i\n", "<demo>", "exec")
space = {}
exec(code, space)
print(space["s"], type(code).__name__)
expr = compile("6 * 7", "<expr>", "eval")
print(eval(expr), exec(expr))
loop = "t = 0\nfor i in range(2000):\n    t += i % 7\n"
d = {}
exec(loop, d)
print(d["t"])
print(eval(b"3 + 4"), eval("x", {"x": "from globals"}), eval("'caf\u00e9'"))

err(lambda: exec("b = 1\nc = [b for i in range(2)]", {}, {}))
err(lambda: eval("1 +"))
err(lambda: eval("x = 1"))
err(lambda: exec("if x\n    pass"))
err(lambda: eval("undefined_name"))
err(lambda: eval(5))
err(lambda: exec(None))
err(lambda: eval("1", 5))
err(lambda: exec("1", 5))
err(lambda: eval("1", {}, 5))
err(lambda: compile("1", "f", "bogus"))
err(lambda: compile(1, "f", "exec"))
err(lambda: eval("1/0"))
err(lambda: exec("raise ValueError('inside exec')"))
err(lambda: eval("\0"))
try:
    eval("(")
except SyntaxError as e:
    print("SyntaxError caught:", isinstance(e, Exception))
