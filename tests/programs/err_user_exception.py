# Uncaught user-defined exception with a custom message
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__("need " + str(needed) + " but only " + str(available) + " available")
        self.needed = needed
        self.available = available
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance
def spend(acct, amounts):
    for a in amounts:
        print("withdrew", a, "left", acct.withdraw(a))
acct = Account(100)
try:
    spend(acct, [500])
except InsufficientFunds as e:
    print("handled:", e, e.needed, e.available)
spend(acct, [30, 50, 40])
