# Text processing with strings and dicts: generate a document of sentences from a small
# vocabulary, tokenize and normalize it, build an inverted index and bigram counts, answer a
# few queries, apply a Caesar shift and a vowel substitution, and print a report.
import random

NOUNS = ("cat", "dog", "river", "stone", "engine", "garden", "letter", "window", "market",
         "cloud", "teacher", "bridge", "signal", "forest", "number", "kettle")
VERBS = ("sees", "carries", "finds", "builds", "follows", "paints", "counts", "opens",
         "remembers", "crosses")
ADJECTIVES = ("quiet", "red", "old", "bright", "small", "heavy", "strange", "green", "wet")
ADVERBS = ("slowly", "often", "never", "again", "quickly", "rarely")
STOPWORDS = {"the", "a", "an", "and", "of", "to", "in", "on", "it", "with", "but"}


def noun_phrase():
    words = [random.choice(("the", "a", "the", "an"))]
    if random.random() < 0.6:
        words.append(random.choice(ADJECTIVES))
    words.append(random.choice(NOUNS))
    if random.random() < 0.2:
        words.append("of")
        words.append("the")
        words.append(random.choice(NOUNS))
    return words


def sentence():
    words = noun_phrase()
    if random.random() < 0.3:
        words.append(random.choice(ADVERBS))
    words.append(random.choice(VERBS))
    words.extend(noun_phrase())
    if random.random() < 0.25:
        words.append(random.choice(("and", "but")))
        words.append("it")
        words.append(random.choice(VERBS))
        words.extend(noun_phrase())
    # Fix the article before a vowel, the way a writer would.
    for i in range(len(words) - 1):
        if words[i] == "a" and words[i + 1][0] in "aeiou":
            words[i] = "an"
        elif words[i] == "an" and words[i + 1][0] not in "aeiou":
            words[i] = "a"
    text = " ".join(words)
    end = random.choice((".", ".", ".", "!", "?"))
    if random.random() < 0.15:
        cut = text.find(" ", len(text) // 2)
        if cut > 0:
            text = text[:cut] + "," + text[cut:]
    return text[0].upper() + text[1:] + end


def make_document(n_paragraphs, seed):
    random.seed(seed)
    paragraphs = []
    for p in range(n_paragraphs):
        count = 3 + int(random.random() * 5)
        sentences = [sentence() for _ in range(count)]
        indent = "   " if p % 4 == 0 else ""
        paragraphs.append(indent + " ".join(sentences) + "  ")
    return "\n\n".join(paragraphs)


def tokenize(text):
    tokens = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        for raw in line.split(" "):
            word = raw.lower().replace(",", "").replace(".", "").replace("!", "").replace("?", "")
            if word:
                tokens.append(word)
    return tokens


def split_sentences(text):
    flat = text.replace("\n", " ").replace("!", ".").replace("?", ".")
    return [s.strip() for s in flat.split(".") if s.strip()]


def build_index(sentences):
    index = {}
    for i, s in enumerate(sentences):
        seen = set()
        for word in s.lower().replace(",", "").split():
            if word in STOPWORDS or word in seen:
                continue
            seen.add(word)
            postings = index.get(word)
            if postings is None:
                index[word] = [i]
            else:
                postings.append(i)
    return index


def bigrams(tokens):
    counts = {}
    prev = None
    for t in tokens:
        if prev is not None:
            key = prev + " " + t
            counts[key] = counts.get(key, 0) + 1
        prev = t
    return counts


def query(index, words):
    """Sentences containing all the words: intersect sorted posting lists."""
    lists = sorted((index.get(w, []) for w in words), key=len)
    result = lists[0]
    for other in lists[1:]:
        merged = []
        i = j = 0
        while i < len(result) and j < len(other):
            if result[i] == other[j]:
                merged.append(result[i])
                i += 1
                j += 1
            elif result[i] < other[j]:
                i += 1
            else:
                j += 1
        result = merged
    return result


def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


def vowel_swap(word):
    table = {"a": "e", "e": "i", "i": "o", "o": "u", "u": "a"}
    return "".join(table.get(c, c) for c in word)


def checksum(text):
    h = 0
    for ch in text:
        h = (h * 31 + ord(ch)) % 1000000007
    return h


def main():
    doc = make_document(3500, 11)
    tokens = tokenize(doc)
    sentences = split_sentences(doc)
    print("characters", len(doc), "lines", doc.count("\n") + 1, "checksum", checksum(doc))
    print("tokens", len(tokens), "sentences", len(sentences))
    print("questions", doc.count("?"), "exclamations", doc.count("!"), "commas", doc.count(","))

    freq = {}
    for t in tokens:
        freq[t] = freq.get(t, 0) + 1
    content = [(w, n) for w, n in freq.items() if w not in STOPWORDS]
    content.sort(key=lambda wn: (-wn[1], wn[0]))
    print("top words:", ", ".join(f"{w}={n}" for w, n in content[:8]))
    by_initial = {}
    for w in freq:
        by_initial.setdefault(w[0], []).append(w)
    print("initials:", " ".join(f"{k}{len(v)}" for k, v in sorted(by_initial.items())))
    long_words = sorted(w for w in freq if len(w) >= 8)
    print("long words:", " ".join(long_words))
    for prefix in ("st", "re", "c"):
        matching = sorted(w for w in freq if w.startswith(prefix))
        uses = sum(freq[w] for w in matching)
        print(f"prefix {prefix!r}: {len(matching)} words, {uses} uses, e.g. {matching[:3]}")
    ending = sorted(w for w in freq if w.endswith(("e", "y")) and w not in STOPWORDS)
    print("ending in e or y:", " ".join(ending), sum(freq[w] for w in ending))

    index = build_index(sentences)
    print("index terms", len(index), "postings", sum(len(p) for p in index.values()))
    for q in (("red", "engine"), ("cat", "dog", "opens"), ("bridge", "never"),
              ("strange", "kettle", "crosses", "market")):
        hits = query(index, q)
        first = hits[0] if hits else -1
        print(f"query {'+'.join(q):<30} hits {len(hits):5d} first {first}")

    pairs = bigrams(tokens)
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    for pair, n in ranked[:6]:
        print(f"bigram {pair:<16} {n}")
    adj_noun = 0
    for pair, n in pairs.items():
        left, right = pair.split(" ")
        if left in ADJECTIVES and right in NOUNS:
            adj_noun += n
    print("adjective-noun pairs", adj_noun, "distinct bigrams", len(pairs))

    starts = {}
    for s in sentences:
        first = s.split(" ", 1)[0]
        starts[first] = starts.get(first, 0) + 1
    print("sentence starts", sorted(starts.items()))
    capital_ok = all(s[0].isupper() for s in sentences)
    print("all capitalized", capital_ok)

    secret = caesar(doc, 13)
    back = caesar(secret, 13)
    print("rot13 checksum", checksum(secret), "round trip", back == doc)
    print("rot13 sample", secret[:60].strip())
    swapped = " ".join(vowel_swap(w) for w in tokens[:12])
    print("vowel swap", swapped)
    swapped_all = [vowel_swap(w) for w in tokens]
    vowels = sum(1 for a, b in zip(tokens, swapped_all) for x, y in zip(a, b) if x != y)
    print("vowels changed", vowels, "distinct after swap", len(set(swapped_all)),
          "checksum", checksum("".join(swapped_all)))

    lengths = [len(s.split()) for s in sentences]
    print("sentence length min", min(lengths), "max", max(lengths),
          "mean", round(sum(lengths) / len(lengths), 4))
    title = " ".join(w.capitalize() for w in content[0][0].split()) + " and " + content[1][0].title()
    print(f"title: {title!r}, centered: [{title.center(30, '*')}]")


main()
