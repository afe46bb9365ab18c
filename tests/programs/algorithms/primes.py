# Sieve of Eratosthenes and prime factorisation.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for multiple in range(p * p, limit + 1, p):
                is_prime[multiple] = False
        p += 1
    primes = []
    for i in range(limit + 1):
        if is_prime[i]:
            primes.append(i)
    return primes


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


ps = sieve(100)
print(ps, len(ps))
print(len(sieve(10000)))
print(factorize(360), factorize(97), factorize(2 ** 64 + 1))
print(factorize(600851475143))
