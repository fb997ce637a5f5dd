# strip, lstrip, rstrip with and without chars
s = "   hello world \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")))
print(repr("abcHELLOcba".strip("abc")), repr("abcHELLOcba".strip("cb")))
print(repr("".strip()), repr("    ".strip()), repr("a".strip("a")))
print(repr("www.example.com".strip("cmowz.")))
print(repr("\n\t x \r\n".strip()), repr("  x  y  ".strip()))
print(repr("123abc321".strip("0123456789")), repr("--==text==--".lstrip("-=")))
lines = ["  alpha  ", "\tbeta\n", "gamma   ", "   delta"]
for ln in lines:
    print("[" + ln.strip() + "]", "[" + ln.lstrip() + "]", "[" + ln.rstrip() + "]")
cleaned = [ln.strip().upper() for ln in lines]
print(cleaned)
path = "/usr/local/bin/"
print(path.strip("/"), path.rstrip("/"), path.lstrip("/"))
num = "0000120500"
print(num.lstrip("0"), num.rstrip("0"), num.strip("0"))
print(repr("  multiple   spaces   inside  ".strip()))
print("ab".strip("ba") == "", "aXb".strip("ab"))
print(repr(" a ".strip(" ")), repr(" a ".strip(None)))
