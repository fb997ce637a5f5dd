# str.casefold, str.removeprefix, str.removesuffix.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for s in ["Hello World", "STRASSE", "Straße", "ẞ", "ﬁne", "ΣΑΣ ΟΔΟΣ", "ᾈ", "µ", "ꭰᏸᎠ", "İı", "ǅ", "", "123"]:
    print(repr(s), repr(s.casefold()), repr(s.lower()))
print("Straße".casefold() == "STRASSE".casefold(), "Straße".lower() == "strasse")
show(lambda: "x".casefold(1))
show(lambda: str.casefold(1))

print("unittest".removeprefix("unit"), "unittest".removeprefix("test"), "unittest".removeprefix(""))
print("unittest".removesuffix("test"), "unittest".removesuffix("unit"), "unittest".removesuffix(""))
print(repr("ab".removeprefix("ab")), repr("ab".removesuffix("abc")), "héllo".removeprefix("hé"))
s = "text"
print(s.removeprefix("z") is s, s.removesuffix("z") is s)
show(lambda: "x".removeprefix(1))
show(lambda: "x".removesuffix(None))
show(lambda: "x".removeprefix())
show(lambda: "x".removeprefix("a", "b"))
show(lambda: "x".removeprefix(prefix="x"))
show(lambda: str.removesuffix(1, "a"))

# In a loop (hot for the JIT).
names = []
for i in range(300):
    name = "test_case_" + str(i) + ".py"
    names.append(name.removeprefix("test_").removesuffix(".py").casefold())
print(names[0], names[-1], len(names))

# replace() names None as Argument Clinic does.
show(lambda: "a".replace(None, "b"))
show(lambda: "a".replace("a", None))
