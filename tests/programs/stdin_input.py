# input() and sys.stdin: a small exercise that reads its data the usual ways.
import sys

name = input("Your name? ")
count = int(input())
print(f"hello {name}, reading {count} numbers")
numbers = [int(input()) for _ in range(count)]
print("sum", sum(numbers), "max", max(numbers))

# The rest of stdin, line by line, then by readline / read.
header = sys.stdin.readline()
print("header:", repr(header))
words = []
for line in sys.stdin:
    if line.strip() == "--":
        break
    words.extend(line.split())
print("words:", words)
print("next line:", repr(sys.stdin.readline()))
print("two chars:", repr(sys.stdin.read(2)))
rest = sys.stdin.read()
print("rest:", repr(rest))
print("at the end:", repr(sys.stdin.readline()), repr(sys.stdin.read()))
print(sys.stdin.readable(), sys.stdin.writable(), sys.stdin.name, sys.stdin.mode)
try:
    input("> ")
except EOFError as e:
    print("EOFError:", e)
