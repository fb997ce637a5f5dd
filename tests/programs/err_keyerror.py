# Uncaught KeyError from a dict lookup inside nested calls
inventory = {"apple": 3, "pear": 0, "plum": 7}
def stock(item):
    return inventory[item]
def restock(order):
    for item in order:
        have = stock(item)
        print(item, "in stock:", have)
        inventory[item] = have + 10
def process(orders):
    for o in orders:
        print("processing", o)
        restock(o)
        print("inventory now", inventory)
try:
    stock("banana")
except KeyError as e:
    print("handled KeyError", e)
process([["apple", "plum"], ["pear", "kiwi", "apple"]])
print("unreachable")
