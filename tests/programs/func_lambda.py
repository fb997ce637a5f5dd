# lambda expressions used with builtins
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda: "thunk")(), (lambda *a: a)(1, 2))
print((lambda **k: sorted(k.items()))(b=2, a=1), (lambda x, *, y: x - y)(10, y=3))
nums = [5, -3, 8, -1, 0, 7, -6]
print(sorted(nums, key=lambda n: abs(n)))
print(list(map(lambda n: n * 2, nums)))
print(list(filter(lambda n: n > 0, nums)))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(max(nums, key=lambda n: n % 5), min(nums, key=lambda n: (n % 3, n)))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b,
       "*": lambda a, b: a * b, "/": lambda a, b: a / b}
for sym in ["+", "-", "*", "/"]:
    print(7, sym, 2, "=", ops[sym](7, 2))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), curry("x")("y")("z"))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(25))
pairs = [(1, "one"), (3, "three"), (2, "two")]
pairs.sort(key=lambda p: p[1])
print(pairs)
print(sorted(["bb", "a", "ccc", "dd"], key=lambda s: (-len(s), s)))
funcs = [lambda x, k=k: x ** k for k in range(4)]
print([f(3) for f in funcs])
print((lambda x: (lambda y: x * y))(6)(7))
cond = lambda v: "pos" if v > 0 else ("zero" if v == 0 else "neg")
print([cond(v) for v in (-2, 0, 2)])
print(type(sq).__name__, sq.__name__)
