# Word frequencies, as everyday scripts compute them: generate a text from a small vocabulary,
# split it into words, count them in a dict, then report the most common words and a few
# statistics about word lengths.
import random

VOCABULARY = (
    "the of and to in a is that for it as was with be by on not he i this are or his from at "
    "which but have an they you were her she there been one all we their has would when if so "
    "no will more out up into do any your what about than them can only other new some could"
).split()


def make_text(n_words, seed):
    random.seed(seed)
    rng = random
    words = []
    for i in range(n_words):
        # A skewed choice: earlier words are more common, as in real text.
        k = int(len(VOCABULARY) * rng.random() ** 2)
        w = VOCABULARY[k]
        if i % 17 == 0:
            w = w.capitalize()
        words.append(w)
        if i % 11 == 10:
            words.append("\n")
    return " ".join(words)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for word in line.split():
            word = word.lower()
            counts[word] = counts.get(word, 0) + 1
    return counts


def main():
    text = make_text(400000, 3)
    counts = count_words(text)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for word, n in ranked[:10]:
        print(f"{word:>6} {n:6d}")
    total = sum(counts.values())
    lengths = {}
    for word, n in counts.items():
        lengths[len(word)] = lengths.get(len(word), 0) + n
    print("words", total, "distinct", len(counts))
    for length in sorted(lengths):
        print("length", length, "share", round(lengths[length] / total, 4))


main()
