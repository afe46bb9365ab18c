# Integer functions over small and big ints: exact results.
import math

print(math.factorial(0), math.factorial(1), math.factorial(5), math.factorial(20), math.factorial(21))
print(math.factorial(1000))
print(math.factorial(True), math.factorial(5000).bit_length(), math.factorial(3000) % (10**40 + 7))
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 2**62, 2**64 - 1, 2**64, 10**20]])
print(math.isqrt(10**100), math.isqrt(10**101), math.isqrt(2**1001), math.isqrt(True))
for n in [10**50, 2**200 - 1, 3**300]:
    r = math.isqrt(n)
    print(r * r <= n < (r + 1) * (r + 1))
print(math.gcd(), math.gcd(0), math.gcd(-12), math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(0, -5))
print(math.gcd(12, 18, 27), math.gcd(2**100 * 3**50, 2**80 * 3**70 * 5), math.gcd(10**40, 10**30 + 1))
print(math.gcd(*[2**64 * k for k in range(2, 20, 2)]), math.gcd(True, 4), math.gcd(1, 2**100, 3))
print(math.lcm(), math.lcm(0), math.lcm(-12), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(5, 0, 7))
print(math.lcm(*range(1, 40)), math.lcm(2**64, 3**40, 2**70), math.lcm(-(2**100), 3))
print([math.comb(10, k) for k in range(-0, 12)])
print(math.comb(1000, 500))
print(math.comb(67, 33), math.comb(68, 34), math.comb(2**70, 3), math.comb(2**70, 2**70 - 2), math.comb(5, 10), math.comb(0, 0))
print(math.comb(10**20, 10**20), math.comb(10**20, 1), math.comb(3, 2**80), math.comb(2**100, 2**100 + 1))
print([math.perm(10, k) for k in range(12)], math.perm(5), math.perm(5, None), math.perm(0))
print(math.perm(1000, 20), math.perm(2**70, 3), math.perm(2**70, 0), math.perm(3, 2**80))
print(math.perm(200, 150) == math.factorial(200) // math.factorial(50))
print(math.comb(300, 120) == math.factorial(300) // (math.factorial(120) * math.factorial(180)))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 26)), math.prod([2**40, 2**40, 3]))
print(math.prod([2, 3.5]), math.prod([1.5, 2, 2**70]), math.prod([], start=5), math.prod([2, 3], start=10**30))
print(math.prod([[1], 3]), math.prod(["ab", 2]), math.prod([True, True]), math.prod(iter([7, 6])), math.prod((1, 2), start=0.5))
print(math.prod([2**62, 2, -1]), math.prod([-2**63, 1]), math.prod([-2**63, -1]), math.prod([10**18, 10**18]))

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

print(math.factorial(Idx(6)), math.isqrt(Idx(50)), math.gcd(Idx(12), Idx(8)), math.lcm(Idx(3), 4),
      math.comb(Idx(6), Idx(2)), math.perm(Idx(6), Idx(2)))
class BigI(int):
    pass
print(math.gcd(BigI(2**100), 2**90), type(math.gcd(BigI(6))).__name__, math.factorial(BigI(4)))
