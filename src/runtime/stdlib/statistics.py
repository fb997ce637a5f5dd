"""Mathematical statistics (bundled with stitch; the same interface as CPython's `statistics`):
averages (mean, fmean, geometric_mean, harmonic_mean, median, median_low, median_high,
median_grouped, mode, multimode), spread (variance, pvariance, stdev, pstdev), quantiles,
covariance, correlation and linear_regression, for ints, floats and Fractions. As CPython's
do, the sums are exact (every value taken as a ratio of integers), results keep the type of
the data (an int mean when it is whole, else a float), and stdev/pstdev are the correctly
rounded square roots of the exact variances."""

import math
from fractions import Fraction, _true_div
from collections import Counter, namedtuple

__all__ = ['NormalDist', 'StatisticsError', 'correlation', 'covariance', 'fmean',
           'geometric_mean', 'harmonic_mean', 'linear_regression', 'mean', 'median', 'median_grouped', 'median_high', 'median_low', 'mode',
           'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance']


class StatisticsError(ValueError):
    pass


################################################################################
# Exact sums
################################################################################

def _coerce(T, S):
    # The type of a result mixing values of types T and S.
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _exact_ratio(x):
    # (numerator, denominator) of x; (x, None) for an infinite or NaN float.
    if isinstance(x, float):
        if x != x or x == math.inf or x == -math.inf:
            return (x, None)
        return x.as_integer_ratio()
    if isinstance(x, int):
        return (int(x), 1)
    if isinstance(x, Fraction):
        return (x.numerator, x.denominator)
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _fraction_sum(partials):
    # The sum of n/d over the (denominator -> numerator) map `partials`, as a Fraction.
    total = Fraction(0)
    for d, n in partials.items():
        total = total + Fraction(n, d)
    return total


def _sum(data):
    # (type of the result, exact sum as a Fraction or a non-finite float, count).
    T = int
    count = 0
    partials = {}
    special = None
    for x in data:
        count += 1
        T = _coerce(T, type(x))
        n, d = _exact_ratio(x)
        if d is None:
            if special is None:
                special = n
            else:
                special = special + n
        else:
            partials[d] = partials.get(d, 0) + n
    if special is not None:
        return (T, special, count)
    return (T, _fraction_sum(partials), count)


def _ss(data, c=None):
    # (type, exact sum of squared deviations, mean, count).
    if c is not None:
        squares = []
        for x in data:
            d = x - c
            squares.append(d * d)
        T, total, count = _sum(squares)
        return (T, total, c, count)
    T = int
    count = 0
    sx = {}
    sxx = {}
    special = None
    for x in data:
        count += 1
        T = _coerce(T, type(x))
        n, d = _exact_ratio(x)
        if d is None:
            if special is None:
                special = n
            else:
                special = special + n
            continue
        sx[d] = sx.get(d, 0) + n
        dd = d * d
        sxx[dd] = sxx.get(dd, 0) + n * n
    if not count:
        return (T, Fraction(0), Fraction(0), 0)
    if special is not None:
        return (T, special, special, count)
    total = _fraction_sum(sx)
    total2 = _fraction_sum(sxx)
    ssd = (count * total2 - total * total) / count
    return (T, ssd, total / count, count)


def _convert(value, T):
    # The exact `value` as a T (a float when T is int and value is not whole).
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    return T(value)


def _sqrt_ratio(n, m):
    # The float nearest to the square root of n/m (n >= 0, m > 0): an integer square root
    # with a few more bits than a float holds, its last bit set when inexact (so that the
    # one rounding to a float is correct).
    q = (n.bit_length() - m.bit_length() - 112) // 2
    if q >= 0:
        scaled = m << (2 * q)
        a = math.isqrt(n // scaled)
        if a * a * scaled != n:
            a |= 1
        return float(a << q)
    scaled = n << (-2 * q)
    a = math.isqrt(scaled // m)
    if a * a * m != scaled:
        a |= 1
    return _true_div(a, 1 << -q)


def _float_sqrt(value):
    if isinstance(value, float):
        return math.sqrt(value)
    return _sqrt_ratio(value.numerator, value.denominator)


################################################################################
# Averages
################################################################################

def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(total / n, T)


def fmean(data, weights=None):
    if not isinstance(data, (list, tuple)):
        data = list(data)
    n = len(data)
    if weights is None:
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return math.fsum(data) / n
    if not isinstance(weights, (list, tuple)):
        weights = list(weights)
    if len(weights) != n:
        raise StatisticsError('data and weights must be the same length')
    num = math.fsum([x * w for x, w in zip(data, weights)])
    den = math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset containing positive '
                              'numbers')


def harmonic_mean(data, weights=None):
    data = list(data)
    n = len(data)
    errmsg = 'harmonic mean does not support negative values'
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float, Fraction)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        T, sum_weights, _ = _sum(weights)
        for w in weights:
            if w < 0:
                raise StatisticsError('harmonic mean does not support negative weights')
    for x in data:
        if x < 0:
            raise StatisticsError(errmsg)
    for x in data:
        if not x:
            return 0
    T, total, _ = _sum([w / x for w, x in zip(weights, data)])
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(sum_weights / total, T)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def median_grouped(data, interval=1):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    x = data[n // 2]
    first = 0
    while data[first] < x:
        first += 1
    last = first
    while last < n and not x < data[last]:
        last += 1
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    lower = x - interval / 2.0
    return lower + interval * (n / 2 - first) / (last - first)


def mode(data):
    pairs = Counter(data).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    counts = Counter(data)
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    result = []
    if method == 'inclusive':
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            if j < 1:
                j = 1
            elif j > ld - 1:
                j = ld - 1
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError('Unknown method: %r' % (method,))


################################################################################
# Spread
################################################################################

def variance(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(ss / n, T)


def stdev(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _float_sqrt(ss / (n - 1))


def pstdev(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _float_sqrt(ss / n)


################################################################################
# Two variables
################################################################################

def _pair_check(x, y, what):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('%s requires that both inputs have same number of data points'
                              % what)
    if n < 2:
        raise StatisticsError('%s requires at least two data points' % what)
    return n


def _deviation_sums(x, y, n):
    # (sum of (x - xbar) * (y - ybar), sum of (x - xbar) ** 2, xbar, ybar) with fsum.
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    sxx = math.fsum([(xi - xbar) * (xi - xbar) for xi in x])
    return sxy, sxx, xbar, ybar


def covariance(x, y):
    n = _pair_check(x, y, 'covariance')
    sxy, sxx, xbar, ybar = _deviation_sums(x, y, n)
    return sxy / (n - 1)


def correlation(x, y):
    n = _pair_check(x, y, 'correlation')
    sxy, sxx, xbar, ybar = _deviation_sums(x, y, n)
    syy = math.fsum([(yi - ybar) * (yi - ybar) for yi in y])
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept'))
LinearRegression.__module__ = 'statistics'


def linear_regression(x, y, *, proportional=False):
    n = _pair_check(x, y, 'linear regression')
    if proportional:
        sxy = math.fsum([xi * yi for xi, yi in zip(x, y)])
        sxx = math.fsum([xi * xi for xi in x])
    else:
        sxy, sxx, xbar, ybar = _deviation_sums(x, y, n)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    if proportional:
        intercept = 0.0
    else:
        intercept = ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


def _erf(x):
    # math.erf when stitch has it; else its Taylor series near 0 and a continued fraction for
    # erfc further out (both to about 1e-15).
    f = getattr(math, 'erf', None)
    if f is not None:
        return f(x)
    if x < 0:
        return -_erf(-x)
    if x < 2.5:
        term = x
        total = x
        k = 0
        while True:
            k += 1
            term = -term * x * x / k
            step = term / (2 * k + 1)
            total += step
            if abs(step) < 1e-17 * abs(total):
                break
        return total * 2.0 / math.sqrt(math.pi)
    # erfc(x) = exp(-x*x)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
    fraction = 0.0
    for k in range(60, 0, -1):
        fraction = (k / 2.0) / (x + fraction)
    return 1.0 - math.exp(-x * x) / math.sqrt(math.pi) / (x + fraction)


class NormalDist:
    """Normal distribution of a random variable (mean, stdev, pdf, cdf)."""

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        data = list(data)
        return cls(fmean(data), stdev(data))

    @property
    def mean(self):
        return self._mu

    @property
    def median(self):
        return self._mu

    @property
    def mode(self):
        return self._mu

    @property
    def stdev(self):
        return self._sigma

    @property
    def variance(self):
        return self._sigma * self._sigma

    def pdf(self, x):
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError('pdf() not defined when sigma is zero')
        diff = x - self._mu
        return math.exp(diff * diff / (-2.0 * variance)) / math.sqrt(math.tau * variance)

    def cdf(self, x):
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + _erf((x - self._mu) / (self._sigma * math.sqrt(2.0))))

    def __eq__(self, other):
        if not isinstance(other, NormalDist):
            return NotImplemented
        return self._mu == other._mu and self._sigma == other._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return '%s(mu=%r, sigma=%r)' % (type(self).__name__, self._mu, self._sigma)
