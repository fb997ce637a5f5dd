# String operators: +, *, comparisons, membership, iteration, ord/chr
a = "foo"
b = "bar"
print(a + b, a * 3, 3 * b, a * 0, repr(a * -1), (a + b) * 2)
print(a == "foo", a != b, a < b, a > b, a <= "foo", "Z" < "a", "" < "a")
print("abc" < "abcd", "abd" > "abcz", "B" < "a", "10" < "9", "é" > "z")
print(len(a + b), len(""), len("日本"))
print("o" in a, "fo" in a, "of" in a, "" in "")
s = ""
for ch in "hello":
    s = ch + s
print(s)
codes = [ord(c) for c in "AZaz09 ~"]
print(codes, "".join(chr(c) for c in codes))
print(chr(65 + 25), ord("é"), chr(233), ord("€"), chr(8364), chr(0x1F600) == "😀")
def caesar(text, k):
    out = ""
    for c in text:
        if c.isalpha() and c.islower():
            out += chr((ord(c) - 97 + k) % 26 + 97)
        elif c.isalpha() and c.isupper():
            out += chr((ord(c) - 65 + k) % 26 + 65)
        else:
            out += c
    return out
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
print(max("hello"), min("hello"), sorted("hello"), sorted("hello", reverse=True))
x = "ab"
x += "cd"
x *= 2
print(x)
print(str(1) + str(2.5) + str(None) + str(True) + str([1, "a"]))
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError", e)
try:
    "a" < 1
except TypeError as e:
    print("TypeError", e)
print(len("abc"), "a" "b" "c", ("x" "y") * 2)
print(list(enumerate("xyz")), dict(zip("abc", range(3))))
