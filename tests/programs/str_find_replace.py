# find, rfind, index, count, replace, startswith, endswith, in
s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.find("the", 20), s.find("dog"))
print(s.rfind("the"), s.rfind("the", 0, 20), s.rfind("dog"))
print(s.find("at", 5, 10), s.find(""), s.rfind(""), s.find("t", -5))
print(s.index("cat"), s.index("at"), s.rindex("at"))
print(s.count("the"), s.count("at"), s.count("a"), s.count(""), s.count("zz"))
print(s.count("at", 10), s.count("at", 10, 20))
print(s.replace("the", "a"), "|", s.replace("the", "THE", 2))
print("aaaa".replace("a", "bb"), "aaaa".replace("aa", "a"), "abc".replace("", "-"))
print("abc".replace("x", "y"), "".replace("", "x"))
print(s.startswith("the"), s.startswith("cat"), s.startswith("cat", 4))
print(s.endswith("hat"), s.endswith("mat"), s.endswith("mat", 0, 22))
print(s.startswith(("a", "t")), s.endswith(("x", "y")), "".startswith(""))
print("cat" in s, "dog" in s, "" in s, "t c" in s, "at" not in s)
try:
    s.index("dog")
except ValueError as e:
    print("ValueError", e)
try:
    s.rindex("dog")
except ValueError as e:
    print("ValueError", e)
pos = []
i = s.find("at")
while i != -1:
    pos.append(i)
    i = s.find("at", i + 1)
print(pos)
text = "banana"
print(text.count("ana"), text.find("ana"), text.rfind("ana"), text.replace("ana", "ANA"))
print("a-b-c-d".replace("-", "", 2), "mississippi".replace("ss", "SS"))
print("mississippi".count("s"), "mississippi".count("ssi"), "mississippi".rfind("ss"))
