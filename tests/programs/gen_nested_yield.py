# yield inside nested loops, conditionals, while/else and try/except
def grid(rows, cols):
    for r in range(rows):
        for c in range(cols):
            if (r + c) % 2 == 0:
                yield (r, c)
print(list(grid(3, 4)))
def search(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            yield "found at " + str(i)
            return
        yield "checked " + str(items[i])
        i += 1
    else:
        yield "not found"
print(list(search([3, 5, 7], 5)))
print(list(search([3, 5, 7], 9)))
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield "div0"
print(list(safe_div([(1, 2), (3, 0), (9, 3)])))
def tokens(text):
    word = ""
    for ch in text:
        if ch.isalnum():
            word += ch
        else:
            if word:
                yield word
                word = ""
            if not ch.isspace():
                yield ch
    if word:
        yield word
print(list(tokens("x1 = (y + 42) * z;")))
def windows(seq, n):
    for i in range(len(seq) - n + 1):
        yield seq[i:i + n]
print(list(windows([1, 2, 3, 4, 5], 3)), list(windows("abcd", 2)), list(windows([1], 2)))
def cycle(items, times):
    for _ in range(times):
        for it in items:
            yield it
print(list(cycle("ab", 3)), sum(cycle([1, 2, 3], 4)))
def triangle():
    row = [1]
    while True:
        yield row
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
t = triangle()
for _ in range(6):
    print(next(t))
def yield_many():
    yield 1
    for x in [2, 3]:
        yield x
    yield total_of([4, 5])
def total_of(xs):
    return sum(xs)
print(list(yield_many()))
