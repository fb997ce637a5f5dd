# fractions.Fraction: construction, arithmetic, comparisons, hashing, rounding.
import math
from fractions import Fraction


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


print('--- construction')
print(Fraction(3, 4), Fraction(6, 8), Fraction(-6, 8), Fraction(6, -8), Fraction(-6, -8), Fraction(0, 5))
print(repr(Fraction(3, 4)), repr(Fraction(5)), Fraction(), Fraction(7), Fraction(True), Fraction(10, 1))
print(Fraction('3/4'), Fraction(' -3/4 '), Fraction('1.25'), Fraction('-1.5e3'), Fraction('2e-3'), Fraction('.5'), Fraction('5.'))
print(Fraction('1_000'), Fraction('+7'), Fraction('1E2'), Fraction('0.1'), Fraction('  10/4\n'))
print(Fraction(0.5), Fraction(0.1), Fraction(-2.75), Fraction(1e20), Fraction(Fraction(1, 3)))
print(Fraction(Fraction(1, 2), Fraction(3, 4)), Fraction(3, Fraction(1, 2)), Fraction.from_float(0.25), Fraction.from_float(3))
print(Fraction(2 ** 70, 6), Fraction(1, 3).numerator, Fraction(1, 3).denominator, Fraction(-4, 6).as_integer_ratio())
attempt('zero den', lambda: Fraction(1, 0))
attempt('bad str', lambda: Fraction('1/2/3'))
attempt('bad str2', lambda: Fraction('abc'))
attempt('bad str3', lambda: Fraction('1__0'))
attempt('empty', lambda: Fraction(''))
attempt('float den', lambda: Fraction(1, 2.0))
attempt('list', lambda: Fraction([1]))
attempt('nan', lambda: Fraction(float('nan')))
attempt('inf', lambda: Fraction(float('inf')))
attempt('from_float str', lambda: Fraction.from_float('1'))

print('--- arithmetic')
a, b = Fraction(1, 3), Fraction(3, 4)
print(a + b, a - b, a * b, a / b, b // a, b % a, divmod(b, a), -a, +a, abs(-b))
print(a + 1, 1 + a, a - 2, 2 - a, a * 3, 3 * a, a / 2, 2 / a, 7 // a, 7 % b, divmod(7, b))
print(a + 0.5, 0.5 + a, a * 1.5, a / 0.25, 1.0 - a, b ** 2, b ** -2, (-b) ** 3, (-b) ** -3, b ** 0)
print(2 ** Fraction(3), 2 ** Fraction(-2), 4 ** Fraction(1, 2), Fraction(1, 4) ** Fraction(1, 2), Fraction(9, 4) ** 0.5, 2.0 ** Fraction(1, 2))
print(sum([Fraction(1, n) for n in range(1, 11)]), sum([Fraction(1, 2 ** n) for n in range(20)]))
print(Fraction(7, 2) % 1, Fraction(-7, 2) // 1, Fraction(-7, 2) % 2, divmod(Fraction(-7, 2), Fraction(2, 3)), Fraction(5, 3) % 0.5)
attempt('div zero', lambda: a / 0)
attempt('rdiv zero', lambda: 1 / Fraction(0))
attempt('pow zero', lambda: Fraction(0) ** -1)
attempt('add str', lambda: a + 'x')
print('--- conversions and rounding')
x = Fraction(-7, 2)
print(int(x), float(x), x.__floor__(), x.__ceil__(), x.__trunc__(), round(x), round(Fraction(5, 2)), round(Fraction(7, 2)))
print(round(Fraction(22, 7), 2), round(Fraction(22, 7), 0), round(Fraction(12345, 1), -2), round(Fraction(-1, 3), 3), float(Fraction(1, 3)))
print(float(Fraction(2 ** 80 + 1, 3 ** 40)), bool(Fraction(0)), bool(Fraction(1, 9)), str(Fraction(-10, 5)), '%s' % Fraction(2, 6), f'{Fraction(3, 9)}')
print(Fraction(math.pi).limit_denominator(1000), Fraction(math.pi).limit_denominator(100), Fraction(math.pi).limit_denominator(10), Fraction(3, 7).limit_denominator(100))
print(Fraction('3.1415926535897932').limit_denominator(), Fraction(1, 3).limit_denominator(2), Fraction(-17, 29).limit_denominator(5), Fraction(0.1).limit_denominator())
attempt('limit 0', lambda: Fraction(1, 3).limit_denominator(0))

print('--- comparisons and hashing')
print(a < b, a <= a, b > a, b >= 1, a == Fraction(2, 6), a != b, Fraction(2, 1) == 2, 2 == Fraction(2), Fraction(1, 2) == 0.5, 0.5 == Fraction(1, 2))
print(Fraction(1, 3) == 1 / 3, Fraction(1, 3) < 0.34, 0.33 < Fraction(1, 3), Fraction(1, 2) < float('inf'), Fraction(1, 2) > float('-inf'), Fraction(1) == float('nan'))
print(Fraction(1, 2) < 1, 0 < Fraction(1, 2), Fraction(-1, 2) >= -1, sorted([Fraction(1, 2), 0.25, 1, Fraction(1, 3)]), max(Fraction(5, 2), 2, 2.4))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), hash(Fraction(-1)) == hash(-1), hash(Fraction(1, 3)), hash(Fraction(-1, 3)), hash(Fraction(10 ** 30, 7)))
print({Fraction(1, 2): 'half'}[0.5], {0.25: 'q'}[Fraction(1, 4)], len({Fraction(2, 4), Fraction(1, 2), 0.5}), {2: 't'}[Fraction(4, 2)])
attempt('lt str', lambda: a < 'x')
print(isinstance(Fraction(1), Fraction), Fraction(3, 4) == Fraction('0.75'), Fraction(1, 10) != 0.1)
total = Fraction(0)
for i in range(1, 200):
    total += Fraction(1, i * (i + 1))
print(total, float(total))
print(float(Fraction(1e-300)), float(Fraction(1, 10 ** 310)), float(Fraction(-3, 10 ** 320)), float(Fraction(2 ** 60, 2 ** 1053)), float(Fraction(1, 3 ** 700)), float(Fraction(10 ** 400 + 1, 10 ** 399)))
print(float(Fraction(5e-324)), float(Fraction(1, 2 ** 1075)), float(Fraction(3, 2 ** 1076)), float(Fraction(2.2250738585072014e-308) * Fraction(3, 7)))

print('--- generated')
seed = [2024]


def rnd(n):
    seed[0] = (seed[0] * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return (seed[0] >> 33) % n


for trial in range(40):
    p = Fraction(rnd(2001) - 1000, rnd(97) + 1)
    q = Fraction(rnd(2001) - 1000, rnd(89) + 1)
    f = (rnd(10 ** 6) - 500000) / (rnd(1000) + 1)
    row = [p + q, p - q, p * q, p < q, p == q, p + f, p < f, hash(p), round(p, 2), round(p), float(p), p.limit_denominator(rnd(20) + 1)]
    if q:
        row += [p / q, p // q, p % q, divmod(p, q)]
    row += [p ** (rnd(5) - 2) if p else 0, Fraction(f).limit_denominator(1000), str(Fraction(str(f)))]
    print(row)
