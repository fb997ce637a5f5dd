# random module with a fixed seed must reproduce CPython's Mersenne Twister
import random
random.seed(42)
print([random.random() for _ in range(5)])
random.seed(42)
print(random.random())
random.seed(12345)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(10)])
print([random.randrange(-10, 10) for _ in range(8)])
random.seed(7)
items = ["apple", "banana", "cherry", "date", "elder"]
print([random.choice(items) for _ in range(8)])
deck = list(range(1, 14))
random.shuffle(deck)
print(deck)
random.shuffle(deck)
print(deck)
print([random.uniform(0, 10) for _ in range(4)])
print([random.uniform(-1, 1) for _ in range(3)])
random.seed(0)
print(random.randint(0, 2 ** 70))
print(random.randrange(10 ** 30))
print(random.random(), random.randint(-5, 5), random.choice("xyz"))
random.seed(2024)
walk = 0
path = []
for _ in range(15):
    walk += random.choice([-1, 1])
    path.append(walk)
print(path)
rolls = {}
for _ in range(600):
    r = random.randint(1, 6)
    rolls[r] = rolls.get(r, 0) + 1
print(sorted(rolls.items()))
