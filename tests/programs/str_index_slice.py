# String indexing and slicing
s = "Hello, World!"
print(s[0], s[4], s[-1], s[-6], len(s))
print(s[0:5], s[7:], s[:5], s[-6:], s[:-1], s[:])
print(s[::2], s[1::2], s[::-1], s[::-2], s[-1:-6:-1])
print(s[3:3], repr(s[10:3]), repr(s[100:]), s[-100:3])
print(s[2:10:3], s[10:2:-3], s[5::-1], s[:5:-1])
for i in range(-3, 3):
    print(i, repr(s[i]), repr(s[i:]), repr(s[:i]))
word = "python"
for i in range(len(word) + 1):
    print(word[:i] + "|" + word[i:])
print([c for c in "abc"], list("xyz"))
t = ""
for ch in reversed("stressed"):
    t += ch
print(t)
try:
    print(s[13])
except IndexError as e:
    print("IndexError", e)
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError", e)
u = "ünïcödé"
print(u[0], u[1:4], u[::-1], len(u))
print("abcdef"[1:5][::-1][1:])
print("x" * 0 == "", "ab"[5:10] == "")
print("0123456789"[-3:-1], "0123456789"[-1:-3], "0123456789"[7:-1])
print("0123456789"[::3], "0123456789"[1::-1], "0123456789"[8:1:-2])
