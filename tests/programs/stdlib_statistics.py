# statistics: averages, spread and quantiles with CPython's exact results.
import math
from fractions import Fraction
from statistics import (mean, fmean, geometric_mean, harmonic_mean, median, median_low,
                        median_high, median_grouped, mode, multimode, quantiles, variance,
                        pvariance, stdev, pstdev, StatisticsError, NormalDist)


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


print('--- averages')
ints = [2, 4, 4, 4, 5, 5, 7, 9]
floats = [1.5, 2.5, 2.5, 2.75, 3.25, 4.75]
fracs = [Fraction(1, 2), Fraction(3, 4), Fraction(5, 4), Fraction(1, 3)]
print(mean(ints), mean([1, 2, 3, 4]), mean([1, 2, 3]), mean(floats), mean(fracs), mean([1, 2.5]), mean([Fraction(1, 3), 1]))
print(mean([True, False, True]), mean(iter([10, 20])), mean(x * 0.1 for x in range(10)), mean([0.1] * 10), mean([1e16, 1.0, -1e16]))
print(fmean(ints), fmean(floats), fmean([0.1] * 10), fmean(iter([1, 2, 3])), fmean([1, 2, 3], weights=[3, 2, 1]))
print(geometric_mean([54, 24, 36]), geometric_mean([1.5, 2.5]), harmonic_mean([40, 60]), harmonic_mean([1, 2, 4]), harmonic_mean([2]))
print(harmonic_mean([Fraction(1, 2), Fraction(1, 3)]), harmonic_mean([1, 0, 3]), harmonic_mean([2.5, 3.0], weights=[2, 1]))
print(median(ints), median([3, 1, 2]), median([1, 3, 5, 7]), median(floats), median(fracs), median(['b', 'a', 'c']))
print(median_low([1, 3, 5, 7]), median_high([1, 3, 5, 7]), median_low([5]), median_high(['x', 'y']))
print(median_grouped([52, 52, 53, 54]), median_grouped([1, 3, 3, 5, 7], interval=1), median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), median_grouped([1, 3, 3, 5, 7], interval=2), median_grouped([7]))
print(mode([1, 1, 2, 3, 3, 3, 3, 4]), mode(['red', 'blue', 'blue', 'red', 'green', 'red', 'red']), mode([1, 2, 2, 1]), mode('aabbbc'))
print(multimode('aabbbbccddddeeffffgg'), multimode(''), multimode([1, 2, 3]), multimode([1.5, 1.5, 2]))
print(mean([1, float('nan')]), mean([1.0, float('inf')]), median([1, 2, 3, 4.0]))

print('--- spread')
print(variance(ints), variance([1, 2, 3]), variance([1, 2, 3, 5]), variance(floats), variance(fracs), variance([0.1, 0.2, 0.3]))
print(pvariance(ints), pvariance([1, 2, 3]), pvariance(floats), pvariance(fracs), pvariance([Fraction(1), Fraction(2)]), pvariance([5]))
print(stdev(ints), stdev(floats), stdev(fracs), stdev([1, 2, 3, 4, 5]), stdev([1.5, 2.5]), stdev([0.1, 0.2, 0.3]))
print(pstdev(ints), pstdev(floats), pstdev(fracs), pstdev([1, 2, 3, 4]), pstdev([5]), pstdev([1e300, 1e300, 3e300]))
print(variance(ints, 5.0), variance([1, 2, 3], 2), pvariance(ints, 5), stdev([1.0, 2.0, 4.0], 2.0), pstdev([1, 2, 3], 2))
print(variance([1.0, float('inf'), 2.0]), variance([1e9 + 1, 1e9 + 2, 1e9 + 3]), stdev([1e-300, 2e-300, 3e-300]), pstdev([10 ** 30, 10 ** 30 + 1]))
print(stdev([2, 2, 2]), variance([2.5, 2.5]), type(variance([1, 3])).__name__, type(variance([1, 2])).__name__)

print('--- quantiles')
data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104]
print(quantiles(data, n=10), quantiles(data), quantiles(data, n=4, method='inclusive'))
print(quantiles([1, 2], n=3), quantiles([1.5, 2.5, 9.0]), quantiles([1, 2, 3, 4, 5], n=1), quantiles(range(100), n=5, method='inclusive'))
attempt('quantiles n', lambda: quantiles([1, 2], n=0))
attempt('quantiles one', lambda: quantiles([1]))
attempt('quantiles method', lambda: quantiles([1, 2], method='middle'))

print('--- errors')
attempt('mean empty', lambda: mean([]))
attempt('fmean empty', lambda: fmean([]))
attempt('median empty', lambda: median([]))
attempt('mode empty', lambda: mode([]))
attempt('variance one', lambda: variance([1]))
attempt('stdev one', lambda: stdev([1.0]))
attempt('pvariance empty', lambda: pvariance([]))
attempt('pstdev empty', lambda: pstdev([]))
attempt('harmonic negative', lambda: harmonic_mean([1, -1]))
attempt('harmonic empty', lambda: harmonic_mean([]))
attempt('geometric zero', lambda: geometric_mean([1, 0]))
attempt('mean str', lambda: mean(['a', 'b']))
attempt('variance str', lambda: variance(['a', 'b']))
print(isinstance(StatisticsError('x'), ValueError))

print('--- NormalDist')
nd = NormalDist(100, 15)
print(nd, nd.mean, nd.stdev, nd.variance, round(nd.cdf(130), 12), round(nd.pdf(100), 12), NormalDist.from_samples([1, 2, 3]))

print('--- many samples')
state = [7]


def next_bits():
    state[0] = (state[0] * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return state[0] >> 11


def uniform(lo, hi):
    return lo + (hi - lo) * (next_bits() / 2 ** 53)


def randint(lo, hi):
    return lo + next_bits() % (hi - lo + 1)


for trial in range(30):
    n = randint(2, 40)
    fl = [uniform(-1000, 1000) for _ in range(n)]
    it = [randint(-10 ** 6, 10 ** 6) for _ in range(n)]
    tiny = [uniform(0, 1) * 1e-160 for _ in range(n)]
    print(mean(fl), variance(fl), stdev(fl), pstdev(fl), mean(it), variance(it), pstdev(it), median(fl), fmean(fl))
    print(pvariance(tiny), stdev(tiny), mean(tiny), variance([Fraction(x) for x in it[:5]]))

print('--- two variables')
from statistics import covariance, correlation, linear_regression
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
z = [9, 8, 7, 6, 5, 4, 3, 2, 1]
print(covariance(x, y), covariance(z, x), correlation(x, x), correlation(x, z), correlation(x, y))
lr = linear_regression(x, y)
print(lr, lr.slope, lr.intercept, linear_regression(x, z), linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True))
print(linear_regression([0.5, 1.5, 2.25], [1.1, 0.3, -2.0]), covariance([0.1, 0.2, 0.3], [0.3, 0.1, 0.4]))
attempt('cov lengths', lambda: covariance([1, 2], [1]))
attempt('corr short', lambda: correlation([1], [1]))
attempt('corr constant', lambda: correlation([1, 1], [1, 2]))
attempt('lr constant', lambda: linear_regression([2, 2], [1, 2]))
attempt('lr short', lambda: linear_regression([1], [2]))
