# split, rsplit, splitlines, join
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 1), "a,b,,c,".split(",", 2))
print("a,b,,c,".rsplit(",", 1), "a,b,,c,".rsplit(",", 2))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2))
print("  a  b  ".rsplit(), "".split(), "".split(","), "   ".split())
print("one::two::three".split("::"), "abcabc".split("b"))
print("k=v=w".split("=", 1), "k=v=w".rsplit("=", 1))
print("no-separator".split(","), "x".split("x"))
text = "line1\nline2\r\nline3\n\nline5"
print(text.splitlines())
print("a\nb\n".splitlines(), "".splitlines(), "\n".splitlines(), "x\n\ny".split("\n"))
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]))
print(" ".join("abc"), "+".join(str(i) for i in range(5)))
words = "It was the best of times it was the worst of times".split()
print(len(words), words[::3])
print("|".join(w.upper() for w in words if len(w) > 3))
csv = "name,age,city\nann,31,oslo\nbob,25,rome"
rows = [line.split(",") for line in csv.splitlines()]
for r in rows:
    print(r)
header = rows[0]
for r in rows[1:]:
    print(", ".join(header[i] + "=" + r[i] for i in range(len(r))))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError", e)
try:
    "abc".split("")
except ValueError as e:
    print("ValueError", e)
print("a  b".split(" "), "1 2 3".split(" ", 0))
