# Uncaught AssertionError with a message
def normalize(vec):
    total = sum(vec)
    assert total != 0, "cannot normalize a zero vector"
    return [v / total for v in vec]
def process(vectors):
    for v in vectors:
        print(normalize(v))
process([[1, 1], [1, 2, 1], [0, 0]])
