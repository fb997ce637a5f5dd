# Closures, nonlocal state, late binding
def make_counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter(0)
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1(), c2(10))
def make_adders():
    adders = []
    for i in range(3):
        adders.append(lambda x: x + i)
    return adders
print([a(10) for a in make_adders()])
def make_adders_bound():
    adders = []
    for i in range(3):
        adders.append(lambda x, i=i: x + i)
    return adders
print([a(10) for a in make_adders_bound()])
def make_multiplier(n):
    def mul(x):
        return x * n
    return mul
double, triple = make_multiplier(2), make_multiplier(3)
print(double(7), triple(7), double(triple(2)), make_multiplier("ab")(3))
def outer():
    x = "outer"
    def middle():
        return lambda: x
    x = "changed"
    return middle()()
print(outer())
def accumulator():
    items = []
    def add(v):
        items.append(v)
        return list(items)
    return add
acc = accumulator()
print(acc(1), acc(2), acc(3))
def fib_memo():
    memo = {0: 0, 1: 1}
    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib
fib = fib_memo()
print(fib(50), fib(90))
def bank(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance
    return deposit, withdraw
dep, wd = bank(100)
print(dep(50), wd(30), wd(500), dep(1))
def nested_nonlocal():
    a = 1
    def f():
        nonlocal a
        a += 1
        def g():
            nonlocal a
            a *= 10
        g()
    f()
    return a
print(nested_nonlocal())
