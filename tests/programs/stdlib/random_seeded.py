# random with CPython's results: Mersenne Twister seeding (int, str, bytes), shuffle, choice, sampling; _sha512; statistics.
import random
random.seed(12345)
print(random.random(), random.randint(1, 10**6))
l = list(range(20)); random.shuffle(l); print(l)
print(random.choice("abcdefg"), random.uniform(1, 2), random.getrandbits(100), random.randrange(0, 1000, 7))
random.seed("hello"); print(random.random())
random.seed(b"bytes"); print(random.random())
random.seed(-5); print(random.random())
random.seed(2**100); print(random.random())
s = random.getstate(); a = random.random(); random.setstate(s); print(a == random.random())
print(random.sample(range(100), 5), random.gauss(0, 1), random.choices("abc", k=5))
r = random.Random(7); print(r.random(), r.expovariate(1.0))
import _sha512
print(_sha512.sha512(b"abc").hexdigest()[:32], _sha512.sha384(b"abc").hexdigest()[:16])
import statistics
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([1.0, 2.0, 4.0]))
