# sum(), any() and all() run a generator on without suspending it while its values are plain
# numbers or plain truths, and hand over to the iterator protocol at the first that is not.
class B:
    def __init__(self, v): self.v = v
    def __bool__(self): 
        print("bool", self.v); return self.v > 2
def gen(n):
    for i in range(n):
        yield i
print(sum(gen(10)), sum(gen(10), 0.5), sum(x * 1.5 for x in range(7)))
print(sum((10**18 for _ in range(20))), sum([1, 2**70, 3]))
g = gen(10)
print(any(x > 4 for x in g), next(g))
g = gen(10)
print(all(x < 4 for x in g), next(g))
print(any(B(i) for i in range(5)))
print(all(B(5 - i) for i in range(5)))
print(sum(gen(0)), any(gen(0)), all(gen(0)))
def mixed():
    yield 1; yield 2.5; yield True; yield 10**30; yield 3
print(sum(mixed()))
try:
    print(sum(x for x in [1, 2, "a"]))
except TypeError as e:
    print("TE", e)
def bad():
    yield 1
    raise KeyError("k")
try:
    sum(bad())
except KeyError as e:
    print("KE", e)
print(any(["", 0, "x"]), all("abc"), any(iter([])), any(s for s in ["", "", "a"]))
# A hot loop of them, and the generator left suspended where any() stopped.
def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i
tot = 0
for k in range(300):
    tot += sum(evens(k)) + any(x > k // 2 for x in evens(k)) + all(x < 250 for x in evens(k))
print(tot)
g = evens(100)
print(any(x > 10 for x in g), list(g)[:3])
