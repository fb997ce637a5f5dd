# upper/lower/title/capitalize and is* predicates
s = "hello World, it's a 2nd TEST"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print("HELLO".capitalize(), "".capitalize(), "123abc".capitalize(), "élan".upper())
print("hello world".title(), "HELLO WORLD".title(), "o'neil mc-donald".title())
tests = ["abc", "ABC", "Abc", "123", "12.5", "abc123", "", " ", "\t\n", "a b",
         "ABC1", "abc!", "x", "Ünï"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isspace(), t.isupper(),
          t.islower(), t.isalnum())
print("MiXeD".lower() == "mixed", "MiXeD".upper())
words = ["apple", "Banana", "cherry", "Date"]
print(sorted(words), sorted(words, key=lambda w: w.lower()))
print([w for w in words if w[0].isupper()])
print("".join(c.upper() if i % 2 else c.lower() for i, c in enumerate("alternating")))
count_upper = 0
count_digit = 0
for ch in "Hello World 2024 ABC":
    if ch.isupper():
        count_upper += 1
    elif ch.isdigit():
        count_digit += 1
print(count_upper, count_digit)
