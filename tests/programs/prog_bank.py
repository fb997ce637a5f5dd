# Bank account simulation with classes, inheritance and exceptions
class InsufficientFunds(Exception):
    pass
class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("account %d: balance %d < %d" % (self.id, self.balance, amount))
        self.balance -= amount
        self.history.append(("wd", amount))
    def month_end(self):
        pass
    def __repr__(self):
        return "%s(#%d, %s, %d)" % (type(self).__name__, self.id, self.owner, self.balance)
class Savings(Account):
    def __init__(self, owner, balance, rate_bp):
        super().__init__(owner, balance)
        self.rate_bp = rate_bp
    def month_end(self):
        interest = self.balance * self.rate_bp // 10000
        if interest:
            self.deposit(interest)
class Checking(Account):
    fee = 2
    def withdraw(self, amount):
        super().withdraw(amount + Checking.fee)
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, acct):
        self.accounts[acct.id] = acct
        return acct.id
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            print("  transfer failed:", e)
            return False
        self.accounts[dst].deposit(amount)
        return True
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
a = bank.open(Checking("ann", 500))
b = bank.open(Savings("bob", 1000, 150))
c = bank.open(Account("cy"))
print(list(bank.accounts.values()), bank.total())
print(bank.transfer(a, b, 200), bank.transfer(c, a, 1), bank.transfer(b, c, 600))
print(list(bank.accounts.values()), bank.total())
for month in range(1, 4):
    for acct in bank.accounts.values():
        acct.month_end()
    print("month", month, [acct.balance for acct in bank.accounts.values()])
try:
    bank.accounts[c].deposit(-5)
except ValueError as e:
    print("ValueError:", e)
for acct in bank.accounts.values():
    print(acct, acct.history)
richest = max(bank.accounts.values(), key=lambda x: x.balance)
print("richest:", richest.owner, richest.balance)
