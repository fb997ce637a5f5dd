# Generators as __iter__ implementations and multiple independent iterators
class Tree:
    def __init__(self, value, left=None, right=None):
        self.value, self.left, self.right = value, left, right
    def __iter__(self):
        if self.left:
            for v in self.left:
                yield v
        yield self.value
        if self.right:
            for v in self.right:
                yield v
    def preorder(self):
        yield self.value
        for child in (self.left, self.right):
            if child:
                for v in child.preorder():
                    yield v
t = Tree(4, Tree(2, Tree(1), Tree(3)), Tree(6, Tree(5), Tree(7)))
print(list(t), list(t.preorder()), sum(t), 5 in t, 8 in t)
class Range2:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __iter__(self):
        i = self.lo
        while i < self.hi:
            yield i
            i += 1
r = Range2(1, 4)
print([(a, b) for a in r for b in r])
it1 = iter(r)
it2 = iter(r)
print(next(it1), next(it1), next(it2), list(it1), list(it2))
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
print(list(Fib(100)), len(list(Fib(10 ** 20))), max(Fib(1000)))
def gen_state():
    state = []
    for i in range(3):
        state.append(i)
        yield list(state)
print(list(gen_state()))
def word_counts(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
        yield dict(counts)
for snapshot in word_counts(["a", "b", "a"]):
    print(snapshot)
gens = [iter(Fib(50)) for _ in range(3)]
print([next(g) for g in gens], [next(g) for g in gens], next(gens[0]))
zipped = list(zip(Fib(30), Range2(10, 100)))
print(zipped)
