# super() in its two-argument form and along a chain of classes
class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
    def greet(self, name):
        return "A greets " + name
class B(A):
    def who(self):
        return "B>" + super(B, self).who()
    def chain(self):
        return ["B"] + super(B, self).chain()
class C(B):
    def who(self):
        return "C>" + super().who()
    def chain(self):
        return ["C"] + super(C, self).chain()
    def skip(self):
        return super(B, self).who()
    def greet(self, name):
        return "C then " + super().greet(name.upper())
c = C()
print(c.who(), c.chain(), c.skip(), c.greet("bob"))
print(B().who(), B().chain(), A().who())
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def info(self):
        return self.owner + ":" + str(self.balance)
class Savings(Account):
    def __init__(self, owner, balance, rate):
        super(Savings, self).__init__(owner, balance)
        self.rate = rate
    def info(self):
        return super(Savings, self).info() + "@" + str(self.rate)
class Bonus(Savings):
    def __init__(self, owner):
        Savings.__init__(self, owner, 100, 0.05)
        self.bonus = True
    def info(self):
        return "bonus " + Savings.info(self) + " / " + Account.info(self)
for acct in (Account("ann", 5), Savings("bob", 10, 0.02), Bonus("cy")):
    print(type(acct).__name__, acct.info())
class Base:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
class Child(Base):
    def __init__(self, x, *rest, **kw):
        super().__init__(*rest, **kw)
        self.x = x
ch = Child(1, 2, 3, k="v")
print(ch.x, ch.args, ch.kwargs)
class Counter:
    total = 0
    def bump(self):
        Counter.total += 1
        return Counter.total
class Double(Counter):
    def bump(self):
        super().bump()
        return super().bump()
d = Double()
print(d.bump(), d.bump(), Counter.total)
