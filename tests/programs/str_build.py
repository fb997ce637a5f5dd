# Building strings: concatenation in loops, join, repetition, reversal
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
parts = []
for i in range(5):
    parts.append("item" + str(i))
print(", ".join(parts))
print("-" * 20)
print("=" * 3 + " title " + "=" * 3)
row = "|" + "|".join(c.center(5) for c in ["a", "bb", "ccc"]) + "|"
print(row)
words = "the quick brown fox".split()
print(" ".join(w[::-1] for w in words), " ".join(reversed(words)))
print("".join(w[0].upper() + w[1:] for w in words))
acronym = "".join(w[0] for w in "portable network graphics".split()).upper()
print(acronym)
def pad_table(rows):
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        lines.append("  ".join(str(v).ljust(w) for v, w in zip(r, widths)))
    return "\n".join(lines)
print(pad_table([("name", "qty", "price"), ("apple", 3, 1.25), ("watermelon", 10, 0.5)]))
def run_length(s):
    out = ""
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out += s[i] + str(j - i)
        i = j
    return out
print(run_length("aaabccddddde"), run_length(""), run_length("x"))
def is_palindrome(s):
    cleaned = "".join(c.lower() for c in s if c.isalnum())
    return cleaned == cleaned[::-1]
for t in ["A man, a plan, a canal: Panama", "hello", "No lemon, no melon", ""]:
    print(repr(t), is_palindrome(t))
big = "ab" * 1000
print(len(big), big[:6], big.count("ab"), big[-3:])
lines = ["x = " + str(i * i) for i in range(4)]
print("\n".join(lines))
print("a,b;c d".replace(",", " ").replace(";", " ").split())
print(str(12) + "3", "3" * 3, int("3" * 3) + 1)
