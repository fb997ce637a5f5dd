# while loops, while/else, break, continue
i = 0
while i < 5:
    print("i =", i)
    i += 1
else:
    print("while finished normally, i =", i)
n = 0
while True:
    n += 1
    if n == 3:
        continue
    if n > 6:
        break
    print("n =", n)
else:
    print("not printed")
print("after break n =", n)
def find_first(lst, target):
    i = 0
    while i < len(lst):
        if lst[i] == target:
            print("found", target, "at", i)
            break
        i += 1
    else:
        print(target, "not found")
find_first([4, 8, 15, 16], 15)
find_first([4, 8, 15, 16], 23)
def collatz(n):
    steps = 0
    seq = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        seq.append(n)
        steps += 1
    return steps, seq
print(collatz(6))
print(collatz(27)[0], max(collatz(27)[1]))
a, b = 1071, 462
while b:
    a, b = b, a % b
    print("gcd step", a, b)
print("gcd", a)
count = 0
outer = 0
while outer < 4:
    inner = 0
    while inner < 4:
        if inner == outer:
            inner += 1
            continue
        if inner + outer > 4:
            break
        count += 1
        inner += 1
    outer += 1
print("count", count)
k = 10
while k > 0: k -= 3
print(k)
while False:
    print("never")
else:
    print("else of empty while")
