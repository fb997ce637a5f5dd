# Attribute sites a trace specializes: module attributes (math.sqrt, a module-level function
# rebound mid-loop, an attribute added to a module), methods of built-in lists, dicts, sets,
# strs and tuples (one site seeing several kinds), and attributes added by a store.
import math
import random


def module_attrs(n):
    total = 0.0
    for i in range(n):
        total += math.sqrt(i) + math.floor(i / 3)
        if i == n // 2:
            math.sqrt = lambda x: -1.0
    return total


def builtin_methods(n):
    out = []
    seen = set()
    counts = {}
    for i in range(n):
        word = "w%d" % (i % 7)
        out.append(word.upper())
        seen.add(word)
        counts[word] = counts.get(word, 0) + 1
    mixed = 0
    for thing in [[1, 2, 1], "abca", (1, 1, 2), [3], "zz"] * 40:
        mixed += thing.count(1) if not isinstance(thing, str) else thing.count("a")
    return len(out), sorted(seen), sorted(counts.items()), mixed


class Box:
    pass


def grow(n):
    boxes = []
    for i in range(n):
        b = Box()
        b.a = i
        if i % 2:
            b.b = -i
        b.c = b.a * 2
        boxes.append(b)
    return sum(b.a + b.c + getattr(b, "b", 0) for b in boxes)


random.seed(5)
print(module_attrs(400))
print(builtin_methods(300))
print(grow(300))
print(random.random() < 1.0, round(random.random(), 6))
