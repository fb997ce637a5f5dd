# Word frequency counting with dicts, sorted deterministic output
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""
def words_of(s):
    out = []
    cur = ""
    for ch in s.lower():
        if ch.isalpha() or ch == "'":
            cur += ch
        elif cur:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out
words = words_of(text)
print(len(words), words[:8])
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(len(freq))
ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, n in ranked[:8]:
    print(w.ljust(12), str(n).rjust(3), "#" * n)
print(sorted(w for w, n in freq.items() if n == 1))
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, sorted(by_len[length]))
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    lw = words_of(line)
    print(i, len(lw), max(lw, key=len))
bigrams = {}
for a, b in zip(words, words[1:]):
    key = a + " " + b
    bigrams[key] = bigrams.get(key, 0) + 1
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
