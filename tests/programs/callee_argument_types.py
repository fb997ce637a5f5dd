# Calls entered by a trace whose arguments have different types, where one argument changes type
# mid-loop: the optimizer must know which argument is which in the callee's frame (it once
# swapped them, dropped the guard on the one that changed and added a float as an int).


def add(a, b):
    return a + b


def first(a, b, c):
    return a * 2 + c


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other)

    def __sub__(self, other):
        return self.cents - other


def calls(n, x):
    out = []
    for i in range(n):
        s = add(i, x)
        t = first(x, i, 1)
        out.append((s, t))
        if i == n // 2:
            x = 2.5
        if i == n - 3:
            x = 10 ** 30
    return out[n // 2 - 1:n // 2 + 3], out[-2:]


def operators(n, x):
    out = []
    m = Money(5)
    for i in range(n):
        out.append((m + x).cents)
        out.append(m - x)
        if i == n // 2:
            x = 0.25
    return out[n - 3:n + 5]


print(calls(100, 1))
print(calls(1000, 3))
print(operators(300, 7))
