# Sieve of Eratosthenes and prime-related computations
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for m in range(p * p, limit + 1, p):
                is_prime[m] = False
        p += 1
    return [i for i in range(limit + 1) if is_prime[i]]
primes = sieve(100)
print(primes)
print(len(primes), sum(primes))
big = sieve(100000)
print(len(big), big[-5:], sum(big))
def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors
for n in [2, 12, 97, 360, 1001, 65536, 999983, 600851475143, 2 ** 31 - 1]:
    print(n, factorize(n))
twins = [(p, p + 2) for p in primes if p + 2 in set(primes)]
print("twin primes:", twins)
gaps = {}
for a, b in zip(big, big[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print("largest gap:", max(gaps), "most common:", sorted(gaps.items(), key=lambda kv: -kv[1])[:3])
def goldbach(n, pset):
    for p in sorted(pset):
        if n - p in pset:
            return p, n - p
prime_set = set(big)
print([goldbach(n, prime_set) for n in range(4, 41, 4)])
print([p for p in primes if str(p) == str(p)[::-1]])
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True
mersenne = [p for p in range(2, 32) if is_prime(p) and is_prime(2 ** p - 1)]
print("mersenne exponents < 32:", mersenne)
