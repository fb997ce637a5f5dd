# repr() of strings: quote selection and escapes
samples = ["hello", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline",
           "back\\slash", "\r\x00\x07\x1b", "\x7f", "é ü ß", "日本語", "", " ",
           "'", '"', "'\"", "\\n", "\u00a0", "😀", "\x80\xff"]
for s in samples:
    print(repr(s), len(s))
print(samples[:4])
print(str("it's"), str('say "hi"'))
print(repr(repr("x")), repr(str(5)), repr("5"))
print(("a", "b'c", 'd"e'))
print({"key": "val'ue"}, {"k\n": ["x\ty"]})
print("%r %s" % ("a'b", "a'b"))
print(repr('quo"te'), f"{'x'!r}")
s = "multi\nline\ttext"
print(s)
print(repr(s))
print(repr("é"))
print(repr("\\"), repr("\\\\"), len("\\\\"))
print(repr(chr(0)), repr(chr(31)), repr(chr(32)), repr(chr(127)), repr(chr(160)))
print(repr("\U0001F600"), len("\U0001F600"))
