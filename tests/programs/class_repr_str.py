# __repr__ and __str__ used by print, str(), repr(), containers, f-strings
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return "Money(" + str(self.cents) + ")"
    def __str__(self):
        return "$%d.%02d" % (self.cents // 100, self.cents % 100)
m = Money(1234)
print(m)
print(str(m), repr(m))
print([m, Money(5)])
print((m,), {"price": m}, {1: [Money(99)]})
print(f"{m} {m!r} {m!s}")
print("%s and %r" % (m, m))
print("{} {!r}".format(m, m))
class OnlyRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "OnlyRepr<" + repr(self.v) + ">"
o = OnlyRepr("x")
print(o, str(o), [o], f"{o}")
class OnlyStr:
    def __str__(self):
        return "only-str"
s = OnlyStr()
print(s, str(s), f"{s}")
class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []
    def __repr__(self):
        if not self.children:
            return "Node(" + repr(self.val) + ")"
        return "Node(" + repr(self.val) + ", " + repr(self.children) + ")"
tree = Node(1, [Node("a"), Node(2.5, [Node(None)])])
print(tree)
print(repr(tree) == str(tree))
class Sub(Money):
    def __str__(self):
        return "sub " + super().__str__()
sb = Sub(7)
print(sb, repr(sb), [sb])
class Quote:
    def __repr__(self):
        return "Quote('it''s')"
print([Quote()], str([Quote(), Quote()]))
print(str(m).rjust(10, "."), len(repr(m)))
