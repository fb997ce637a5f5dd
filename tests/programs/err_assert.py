# Uncaught AssertionError with a message, raised inside nested calls
def normalize(vec):
    total = sum(vec)
    assert total != 0, "cannot normalize a zero vector"
    return [v / total for v in vec]
def check_all(vectors):
    results = []
    for v in vectors:
        n = normalize(v)
        print(v, "->", n)
        results.append(n)
    return results
def process(batches):
    for i, batch in enumerate(batches):
        print("batch", i)
        check_all(batch)
        print("batch", i, "ok")
try:
    normalize([0])
except AssertionError as e:
    print("handled once:", e)
process([[[1, 1], [1, 2, 1]], [[2, 6], [0, 0], [5]]])
print("not reached")
