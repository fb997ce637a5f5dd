# Micro-benchmarks: recursive calls, tight integer loops, and a loop that
# calls a small function on every iteration.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def while_sum(n):
    total = 0
    i = 0
    while i < n:
        total += i * i % 7 + (i >> 3) - (i & 5)
        i += 1
    return total


def for_sum(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += i // 3
        else:
            total -= i % 11
        total ^= i & 0xFF
    return total


def mix(a, b):
    return (a * 31 + b) % 1000003


def call_loop(n):
    h = 17
    for i in range(n):
        h = mix(h, i)
    return h


def main():
    print("fib(30) =", fib(30))
    print("while_sum =", while_sum(1200000))
    print("for_sum =", for_sum(1200000))
    print("call_loop =", call_loop(1000000))


if __name__ == "__main__":
    main()
