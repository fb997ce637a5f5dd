# random.seed for ints, strs (version 2: sha512), floats (hash) and bools; getstate/setstate;
# random.Random instances with their own generator (and their own gauss_next).
import random

for s in [0, 1, 42, -7, 2**70, 2**32 - 1, True, False, "hello", "", "héllo wörld ✓", "0", 3.5, -2.25, 2.0, 1e300, 0.1]:
    random.seed(s)
    a = random.random()
    b = random.randint(1, 100)
    c = random.getrandbits(40)
    print(repr(s), a, b, c)
# A float equal to an int seeds like that int; version=1 strings use the old hash.
random.seed(2.0)
x = random.random()
random.seed(2)
print(x == random.random())
random.seed("hello", version=1)
print(random.random())
random.seed("hello", 2)
print(random.random())
random.seed(a=12)
print(random.random())
for bad in [[1], (1, 2), {"a": 1}, None.__class__]:
    try:
        random.seed(bad)
    except TypeError as e:
        print("TypeError", e)

# getstate/setstate round trips, gauss_next included.
random.seed(9)
st = random.getstate()
print(st[0], len(st[1]), st[1][-1], st[2], st[1][:3], type(st).__name__, type(st[1]).__name__)
a = [random.random() for _ in range(3)]
random.setstate(st)
print(a == [random.random() for _ in range(3)])
random.gauss()
st = random.getstate()
print(st[2], st[1][-1])
x = random.gauss()
random.setstate(st)
print(x == random.gauss())
for _ in range(700):
    random.random()
st2 = random.getstate()
print(st2[1][-1], random.random())
random.setstate(st2)
print(random.random())
for bad in [(4, (), None), (3, [0] * 625, None), (3, (0,) * 10, None), (3, (0,) * 624 + (625,), None),
            (3, (-1,) + (0,) * 624, None), (3, (1, 2)), (3, ("x",) * 625, None)]:
    try:
        random.setstate(bad)
    except Exception as e:
        print(type(e).__name__, e)
# Words wider than 32 bits are truncated, like the C code does.
random.setstate((3, (2**32 + 5,) + st2[1][1:], None))
print(random.getstate()[1][0])

# Instances: their own generators, seeded the same ways.
r = random.Random("seed")
s = random.Random(3.25)
t = random.Random()
t.seed(7)
print(r.random(), s.random(), t.random(), r.gauss(), r.sample(range(50), 4), r.choices("abcd", k=4), s.triangular(0, 5))
r.seed(5)
print(r.gauss(), r.gauss(), r.getstate()[2])
random.seed(5)
print(random.gauss(), r.gauss())
# gauss_next travels with each generator: interleaving instances and the module changes nothing.
p = random.Random(11)
q = random.Random(11)
random.seed(11)
seq_p = []
for i in range(6):
    seq_p.append(p.gauss())
    random.gauss()
    q.random()
print(seq_p == [random.Random(11).gauss() for _ in range(1)] + seq_p[1:], seq_p[:2])
r2 = random.Random()
r2.setstate(r.getstate())
print(r2.random() == r.random(), r2.betavariate(1, 2), r.betavariate(1, 2))


class MyRandom(random.Random):
    def roll(self):
        return self.randint(1, 6)


m = MyRandom("dice")
print([m.roll() for _ in range(10)], m.normalvariate(), m.vonmisesvariate(0, 1), type(m).__name__)
m.seed(0)
print(m.gammavariate(2, 2), m.weibullvariate(1, 2), m.paretovariate(3), m.lognormvariate(0, 0.1), m.expovariate(4))
st = m.getstate()
m2 = MyRandom()
m2.setstate(st)
print(m.sample("abcdefgh", 4) == m2.sample("abcdefgh", 4), m2.getstate() == m.getstate())
