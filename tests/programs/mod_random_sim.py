# A Monte Carlo style simulation using random with fixed seeds
from random import seed, random, randint, choice, shuffle, uniform, randrange
seed(1)
inside = 0
N = 2000
for _ in range(N):
    x = random()
    y = random()
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4 * inside / N)
seed(99)
hands = []
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
shuffle(deck)
for p in range(4):
    hands.append(sorted(deck[p * 5:(p + 1) * 5]))
for h in hands:
    print(h)
print(len(deck), deck[-5:])
seed(5)
samples = [round(uniform(10, 20), 4) for _ in range(6)]
print(samples, min(samples), max(samples))
seed(31337)
pop = list(range(100))
picked = []
for _ in range(10):
    i = randrange(len(pop))
    picked.append(pop.pop(i))
print(picked, len(pop))
seed(3)
counts = [0] * 10
for _ in range(1000):
    counts[randint(0, 9)] += 1
print(counts, sum(counts))
seed(8)
word = "".join(choice("abcdefghijklmnopqrstuvwxyz") for _ in range(12))
print(word)
seed(8)
again = "".join(choice("abcdefghijklmnopqrstuvwxyz") for _ in range(12))
print(again == word)
