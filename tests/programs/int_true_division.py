import random
random.seed(7)
out = []
for i in range(4000):
    a = random.getrandbits(random.randint(1, 1200)) * random.choice([1, -1])
    b = random.getrandbits(random.randint(1, 1200)) or 1
    try:
        r = a / b
        out.append(repr(r))
    except OverflowError:
        out.append("OVF")
for e in range(1060, 1090):
    for m in (1, 3, 5, 7, 2**53 - 1, 2**53 + 1, 2**54 + 3):
        try:
            out.append(repr(m / 2**e) + repr((m * 2**200) / 2**(e + 200)))
        except OverflowError:
            out.append("OVF")
print(len(out), hash("".join(out)) if False else "".join(out)[-200:])


print("\n".join(out))
print(3 / 10**320, 10**400 / 10**399, (2**1100 + 1) / 2**1000, 1 / 3, (10**30 + 1) / 10**15, 2**53 + 1 / 1)
try:
    print(10**400 / 3)
except OverflowError as e:
    print(e)
print(-7 / 10**330, 123456789123456789123456789 / 987654321987654321, 10**20 / 3)
