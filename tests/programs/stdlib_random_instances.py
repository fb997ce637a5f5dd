import random
r = random.Random(42)
s = random.Random(42)
print([r.randint(1, 100) for _ in range(5)], [s.randint(1, 100) for _ in range(5)])
random.seed(42)
print(random.random(), r.random(), s.random())
t = random.Random()
t.seed(7)
xs = list(range(10))
t.shuffle(xs)
print(xs, t.choice("abcdef"), t.randrange(0, 100, 5), round(t.uniform(1, 2), 12), t.getrandbits(40))
class MyRandom(random.Random):
    def pick(self):
        return self.randint(0, 9)
m = MyRandom(3)
print(m.pick(), m.pick(), isinstance(m, random.Random), type(r).__name__, random.Random.__module__)
random.seed(42)
print([random.randint(1, 100) for _ in range(5)])
