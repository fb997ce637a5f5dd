# if / elif / else and truthiness
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 3, 42, 100, 10 ** 20]:
    print(n, classify(n))
def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)
print(" ".join(fizzbuzz(i) for i in range(1, 31)))
for v in [0, 1, "", "a", [], [0], {}, {"k": 0}, None, 0.0, -0.0, 1e-300, (), (None,), set(), range(0)]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
x = 7
if x > 5:
    if x > 6:
        print("x > 6")
    else:
        print("5 < x <= 6")
if not x:
    print("never")
elif x and x % 2:
    print("odd nonzero")
if x == 7: print("one-line if")
y = "big" if x > 5 else "small"
z = "neg" if x < 0 else "zero" if x == 0 else "pos"
print(y, z)
def sign(n):
    return -1 if n < 0 else (0 if n == 0 else 1)
print([sign(n) for n in (-3, 0, 3, -0.5, 2 ** 70)])
grade = 83
if grade >= 90: letter = "A"
elif grade >= 80: letter = "B"
else: letter = "C"
print(letter)
