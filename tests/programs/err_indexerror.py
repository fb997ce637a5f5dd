# Uncaught IndexError from list indexing in a helper
def nth_after(seq, i, k):
    return seq[i + k]
def pairs(seq, k):
    out = []
    for i in range(len(seq)):
        out.append((seq[i], nth_after(seq, i, k)))
        print("pair", out[-1])
    return out
def run():
    data = [10, 20, 30, 40, 50]
    print(pairs(data, 0))
    print(pairs(data, -2))
    print(pairs(data, 2))
    print("not reached")
try:
    nth_after([1], 0, 5)
except IndexError as e:
    print("handled:", e)
run()
