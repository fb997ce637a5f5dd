def g(n):
    try:
        for i in range(n):
            yield i * i
    finally:
        print("cleanup", n)
    return "done"

print(list(g(4)))
it = g(5)
print(next(it), next(it))
print(tuple(it))
print(list(it))
def bad():
    yield 1
    raise ValueError("boom")
try:
    print(list(bad()))
except ValueError as e:
    print("caught", e)
def outer():
    yield from_list()
def from_list():
    return [x for x in g(2)]
print(list(outer()))
print(set(x % 3 for x in range(10)), sorted(str(x) for x in range(3)))
def nested(k):
    if k:
        yield list(nested(k - 1))
    yield k
print(list(nested(3)))
