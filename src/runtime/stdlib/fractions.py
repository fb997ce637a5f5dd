"""Rational numbers (bundled with stitch; the same interface as CPython's `fractions`):
Fraction(numerator, denominator), also made from an int, a float (exactly), a string such as
'3/4', ' -1.25e2 ' or '1_000', or another Fraction; kept in lowest terms with the sign on the
numerator. Arithmetic with ints and Fractions is exact, with floats it gives floats;
comparisons are exact, hash() agrees with equal ints and floats, and str/repr,
limit_denominator, as_integer_ratio, from_float, round/floor/ceil/trunc are CPython's."""

import math

__all__ = ['Fraction']

# The modulus of CPython's hash of numbers, and the hash of infinity.
_HASH_MODULUS = 2305843009213693951
_HASH_INF = 314159


def _gcd(a, b):
    return math.gcd(a, b)


def _parse(text):
    # (numerator, denominator) of a decimal or n/d literal, or None when it is not one.
    s = text.strip()
    if not s:
        return None
    sign = 1
    if s[0] in '+-':
        if s[0] == '-':
            sign = -1
        s = s[1:]
    slash = s.find('/')
    if slash >= 0:
        num = _digits(s[:slash])
        den = _digits(s[slash + 1:])
        if num is None or den is None:
            return None
        return (sign * int(num), int(den))
    exp = 0
    e = -1
    for i in range(len(s)):
        if s[i] in 'eE':
            e = i
            break
    if e >= 0:
        tail = s[e + 1:]
        esign = 1
        if tail and tail[0] in '+-':
            if tail[0] == '-':
                esign = -1
            tail = tail[1:]
        tail = _digits(tail)
        if tail is None:
            return None
        exp = esign * int(tail)
        s = s[:e]
    dot = s.find('.')
    if dot >= 0:
        whole = s[:dot]
        frac = s[dot + 1:]
        if whole == '' and frac == '':
            return None
        if whole:
            whole = _digits(whole)
            if whole is None:
                return None
        else:
            whole = '0'
        if frac:
            frac = _digits(frac)
            if frac is None:
                return None
        num = int(whole + frac)
        exp -= len(frac)
    else:
        whole = _digits(s)
        if whole is None:
            return None
        num = int(whole)
    num *= sign
    if exp >= 0:
        return (num * 10 ** exp, 1)
    return (num, 10 ** -exp)


def _digits(s):
    # s without its single underscores between digits, if it is a run of decimal digits.
    if not s or s[0] == '_' or s[-1] == '_' or '__' in s:
        return None
    s = s.replace('_', '')
    for ch in s:
        if ch not in '0123456789':
            return None
    return s


def _true_div(n, d):
    # n / d (d > 0) as the nearest float. stitch's int / int gives 0.0 for quotients below
    # about 2**-900 and when d is beyond the float range, so such quotients are worked out
    # here: a quotient of about 60 bits, its last bit set when inexact, rounds once to a float
    # that powers of two then scale exactly; below the normal range the quotient is rounded to
    # a multiple of the smallest subnormal.
    if d.bit_length() <= 1000 and n.bit_length() - d.bit_length() > -800:
        return n / d
    negative = n < 0
    if negative:
        n = -n
    e = n.bit_length() - d.bit_length()
    if e >= -1000:
        s = 60 - e
        if s >= 0:
            q, r = divmod(n << s, d)
        else:
            q, r = divmod(n, d << -s)
        if r:
            q |= 1
        x = float(q)
        while s > 1000:
            x *= 2.0 ** -1000
            s -= 1000
        x *= 2.0 ** -s
    else:
        q, r = divmod(n << 1074, d)
        if 2 * r > d or (2 * r == d and q & 1):
            q += 1
        x = float(q) * 2.0 ** -1000 * 2.0 ** -74
    if negative:
        return -x
    return x


def _is_rational(x):
    return isinstance(x, (int, Fraction))


def _ratio(x):
    # (numerator, denominator) of an int or Fraction.
    if isinstance(x, Fraction):
        return (x._numerator, x._denominator)
    return (int(x), 1)


def _make(n, d):
    # A Fraction from an already normalized pair (Fraction() takes its quickest path).
    f = Fraction()
    f._numerator = n
    f._denominator = d
    return f


def _reduce(n, d):
    g = _gcd(n, d)
    if d < 0:
        g = -g
    if g != 1:
        n //= g
        d //= g
    return _make(n, d)


class Fraction:
    """This class implements rational numbers."""

    __slots__ = ('_numerator', '_denominator')

    def __init__(self, numerator=0, denominator=None):
        if denominator is None:
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return
            if isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % (numerator,))
                n, d = parsed
            elif hasattr(numerator, 'numerator') and hasattr(numerator, 'denominator'):
                n = numerator.numerator
                d = numerator.denominator
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif _is_rational(numerator) and _is_rational(denominator):
            n1, d1 = _ratio(numerator)
            n2, d2 = _ratio(denominator)
            n = n1 * d2
            d = d1 * n2
        else:
            raise TypeError('both arguments should be Rational instances')
        if d == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % n)
        g = _gcd(n, d)
        if d < 0:
            g = -g
        self._numerator = n // g
        self._denominator = d // g

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        n, d = f.as_integer_ratio()
        return cls(n, d)

    @classmethod
    def from_decimal(cls, dec):
        raise TypeError('stitch has no decimal module')

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction of self, keeping the last two convergents p/q, until
        # the next denominator would pass the limit; then pick the closer of the last
        # convergent and the best semiconvergent.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        bound1 = _reduce(p0 + k * p1, q0 + k * q1)
        bound2 = _reduce(p1, q1)
        if abs(bound2 - self) <= abs(bound1 - self):
            return bound2
        return bound1

    def __repr__(self):
        return '%s(%s, %s)' % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # Arithmetic: exact with ints and Fractions, in floats with floats (and complex numbers).

    def __add__(a, b):
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            return _reduce(a._numerator * bd + bn * a._denominator, a._denominator * bd)
        if isinstance(b, (float, complex)):
            return float(a) + b
        return NotImplemented

    def __radd__(b, a):
        if isinstance(a, int):
            return _reduce(a * b._denominator + b._numerator, b._denominator)
        if isinstance(a, (float, complex)):
            return a + float(b)
        return NotImplemented

    def __sub__(a, b):
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            return _reduce(a._numerator * bd - bn * a._denominator, a._denominator * bd)
        if isinstance(b, (float, complex)):
            return float(a) - b
        return NotImplemented

    def __rsub__(b, a):
        if isinstance(a, int):
            return _reduce(a * b._denominator - b._numerator, b._denominator)
        if isinstance(a, (float, complex)):
            return a - float(b)
        return NotImplemented

    def __mul__(a, b):
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            return _reduce(a._numerator * bn, a._denominator * bd)
        if isinstance(b, (float, complex)):
            return float(a) * b
        return NotImplemented

    def __rmul__(b, a):
        if isinstance(a, int):
            return _reduce(a * b._numerator, b._denominator)
        if isinstance(a, (float, complex)):
            return a * float(b)
        return NotImplemented

    def __truediv__(a, b):
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            if bn == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (a._numerator * bd))
            return _reduce(a._numerator * bd, a._denominator * bn)
        if isinstance(b, (float, complex)):
            return float(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        if isinstance(a, int):
            if b._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (a * b._denominator))
            return _reduce(a * b._denominator, b._numerator)
        if isinstance(a, (float, complex)):
            return a / float(b)
        return NotImplemented

    def __floordiv__(a, b):
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            return (a._numerator * bd) // (a._denominator * bn)
        if isinstance(b, float):
            return float(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        if isinstance(a, int):
            return (a * b._denominator) // b._numerator
        if isinstance(a, float):
            return a // float(b)
        return NotImplemented

    def __mod__(a, b):
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            return _reduce((a._numerator * bd) % (bn * a._denominator), a._denominator * bd)
        if isinstance(b, float):
            return float(a) % b
        return NotImplemented

    def __rmod__(b, a):
        if isinstance(a, int):
            return Fraction(a) % b
        if isinstance(a, float):
            return a % float(b)
        return NotImplemented

    def __divmod__(a, b):
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            q, r = divmod(a._numerator * bd, a._denominator * bn)
            return (q, _reduce(r, a._denominator * bd))
        if isinstance(b, float):
            return divmod(float(a), b)
        return NotImplemented

    def __rdivmod__(b, a):
        if isinstance(a, int):
            return divmod(Fraction(a), b)
        if isinstance(a, float):
            return divmod(a, float(b))
        return NotImplemented

    def __pow__(a, b):
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            if bd == 1:
                if bn >= 0:
                    return _make(a._numerator ** bn, a._denominator ** bn)
                if a._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % (a._denominator ** -bn))
                if a._numerator > 0:
                    return _make(a._denominator ** -bn, a._numerator ** -bn)
                return _make((-a._denominator) ** -bn, (-a._numerator) ** -bn)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
        if isinstance(a, (float, complex)):
            return a ** float(b)
        return NotImplemented

    def __pos__(a):
        return _make(a._numerator, a._denominator)

    def __neg__(a):
        return _make(-a._numerator, a._denominator)

    def __abs__(a):
        return _make(abs(a._numerator), a._denominator)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        return a.__int__()

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __float__(a):
        return _true_div(a._numerator, a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            if floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        dinv = pow(self._denominator, _HASH_MODULUS - 2, _HASH_MODULUS)
        if not dinv:
            h = _HASH_INF
        else:
            h = abs(self._numerator) % _HASH_MODULUS * dinv % _HASH_MODULUS
        if self._numerator < 0:
            h = -h
        if h == -1:
            return -2
        return h

    # Comparisons are exact (floats are compared through their exact values).

    def __eq__(a, b):
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._denominator == 1 and a._numerator == b
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == Fraction(b)
        return NotImplemented

    def _compare(a, b):
        # (a's numerator, b's numerator) over a common denominator, or None.
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            return (a._numerator * bd, bn * a._denominator)
        return None

    def __lt__(a, b):
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 < b
            b = Fraction(b)
        pair = a._compare(b)
        if pair is None:
            return NotImplemented
        return pair[0] < pair[1]

    def __le__(a, b):
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 <= b
            b = Fraction(b)
        pair = a._compare(b)
        if pair is None:
            return NotImplemented
        return pair[0] <= pair[1]

    def __gt__(a, b):
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 > b
            b = Fraction(b)
        pair = a._compare(b)
        if pair is None:
            return NotImplemented
        return pair[0] > pair[1]

    def __ge__(a, b):
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 >= b
            b = Fraction(b)
        pair = a._compare(b)
        if pair is None:
            return NotImplemented
        return pair[0] >= pair[1]

    def __bool__(a):
        return a._numerator != 0

    def __reduce__(self):
        return (type(self), (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) is Fraction:
            return self
        return type(self)(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        return self.__copy__()
