# random.sample and random.choices, bit-identical to CPython 3.11: sample switches between
# a pool and a set of selected indices by size, choices uses floor(random() * n) without
# weights and bisects cumulative weights otherwise.
import random
from collections.abc import Sequence
from fractions import Fraction

for seed in [1, 7, 2**40 + 1, "abc", 2.5]:
    random.seed(seed)
    print("seed", repr(seed))
    print(" ", random.sample(range(100), 5), random.sample("abcdefgh", 3), random.sample([1, 2, 3], 3),
          random.sample((4, 5, 6, 7), k=2), random.sample([], 0))
    print(" ", random.sample(range(1000), 30))
    print(" ", random.sample(list(range(25)), 22), random.sample(range(10**6), 4))
    print(" ", random.sample(["red", "blue"], counts=[4, 2], k=5), random.sample("xyz", counts=[1, 0, 3], k=4))
    print(" ", random.choices("abc", k=5), random.choices([1, 2, 3, 4], [10, 1, 1, 1], k=6))
    print(" ", random.choices(range(5), cum_weights=[1, 2, 3, 10, 11], k=4), random.choices(["x", "y"]),
          random.choices("ab", weights=[0.3, 0.7], k=3), random.choices("xyz", [1, 2.5, 3], k=4))
    print(" ", random.choices("abc", [Fraction(1, 3), Fraction(1, 2), Fraction(1, 6)], k=5), random.choices("ab", k=0))


class Digits(Sequence):
    """A user-defined sequence (allocates on every __getitem__)."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return [i, str(i)]


class MyList(list):
    pass


class Box:
    """Not a Sequence (no registration), but a mutable one for shuffle."""

    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v


random.seed(3)
print(random.sample(Digits(40), 6), random.sample(Digits(5), 5))
print(random.sample(MyList([1, 2, 3, 4, 5]), 2), random.choices(Digits(7), k=3))
b = Box(list(range(8)))
random.shuffle(b)
print(b.items)
# Negative weights make the running sums unsorted; bisect still answers like CPython's.
print(random.choices([1, 2, 3], [3, -1, 2], k=10), random.sample(["a", "b", "c"], counts=[3, -1, 2], k=3))

acc = []
for i in range(400):
    acc.append(random.choices("abcde", [5, 4, 3, 2, 1])[0])
    acc.extend(random.sample(range(20), 2))
print("".join(str(x) for x in acc[:80]), len(acc))


def attempt(f, *args, **kwargs):
    try:
        print(f(*args, **kwargs))
    except Exception as e:
        print(type(e).__name__, e)


attempt(random.sample, [1, 2], 3)
attempt(random.sample, [1, 2], -1)
attempt(random.sample, {1, 2, 3}, 2)
attempt(random.sample, frozenset([1, 2]), 1)
attempt(random.sample, {"a": 1}, 1)
attempt(random.sample, Box([1, 2]), 1)
attempt(random.sample, [1, 2], counts=[1.5, 1], k=1)
attempt(random.sample, [1, 2], counts=[1], k=1)
attempt(random.sample, [1, 2], counts=[0, 0], k=1)
attempt(random.sample, [1, 2], counts=[1, 1], k=3)
attempt(random.sample, [1], 1, 2)
attempt(random.sample, [1, 2])
attempt(random.choices, "abc", 3)
attempt(random.choices, "abc", [1, 2])
attempt(random.choices, "ab", [0, 0])
attempt(random.choices, "ab", [1, float("inf")])
attempt(random.choices, [])
attempt(random.choices, [], k=0)
attempt(random.choices, [], cum_weights=[])
attempt(random.choices, "ab", weights=[1, 2], cum_weights=[1, 2])
attempt(random.choices, "ab", cum_weights=(1,))
attempt(random.choices, [1], k=1.5)
attempt(random.choices)
attempt(random.choices, "ab", size=2)

r = random.Random(2023)
print(r.sample(range(50), 4), r.choices("abcd", k=4), r.choices("abcd", cum_weights=[1, 1, 1, 5], k=4))
random.seed(2023)
print(random.sample(range(50), 4), random.choices("abcd", k=4), random.choices("abcd", cum_weights=[1, 1, 1, 5], k=4))
