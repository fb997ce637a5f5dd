# Rich comparisons, __hash__, sorting user objects, sets/dicts of objects
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "V" + ".".join(str(p) for p in self.parts)
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __gt__(self, other):
        return self.parts > other.parts
    def __ge__(self, other):
        return self.parts >= other.parts
    def __hash__(self):
        return hash(self.parts)
a, b, c = Version("1.2.0"), Version("1.10"), Version("1.2.0")
print(a == c, a != c, a == b, a < b, a <= c, b > a, b >= b, a is c)
print(a == "1.2.0", a != "1.2.0")
vs = [Version(s) for s in ["2.0", "1.0.1", "1.10", "1.2", "1.2.0.1", "0.9"]]
print(sorted(vs))
print(sorted(vs, reverse=True))
print(max(vs), min(vs))
print(len({a, b, c}), {a: "first", c: "second"})
class Card:
    order = "23456789TJQKA"
    def __init__(self, rank):
        self.rank = rank
    def __lt__(self, other):
        return Card.order.index(self.rank) < Card.order.index(other.rank)
    def __repr__(self):
        return self.rank
hand = [Card(r) for r in "KT2AJ5"]
print(sorted(hand), max(hand), min(hand))
print(Card("2") < Card("3"), Card("A") > Card("K"))
try:
    Card("2") <= Card("3")
except TypeError as e:
    print("TypeError", e)
class NoEq:
    pass
x = NoEq()
y = NoEq()
print(x == x, x == y, x != y)
class AlwaysEq:
    def __eq__(self, other):
        return True
print(AlwaysEq() == 5, 5 == AlwaysEq(), AlwaysEq() != 5, [AlwaysEq()].count(3))
print(AlwaysEq() in [1, 2], 7 in [AlwaysEq()])
try:
    hash(AlwaysEq())
except TypeError as e:
    print("TypeError", e)
