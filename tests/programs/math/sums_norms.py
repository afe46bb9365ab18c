# fsum's exact rounding, hypot and dist to the last bit (cases where the naive
# sqrt of a sum of squares differs), with deterministic pseudo-random inputs.
import math

print(repr(math.fsum([0.1] * 10)), repr(sum([0.1] * 10)))
print(repr(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])))
print(repr(math.fsum([1e-16, 1, 1e16])), repr(math.fsum([1, 1e-16, 1e16])))
print(repr(math.fsum([2.0**53, -0.5, -2.0**-54])), repr(math.fsum([2.0**53, 1.0, 2.0**-100])))
print(repr(math.fsum([1.7976931348623157e308, -1.7976931348623157e308, 1.0])))
print(repr(math.fsum(range(1000))), repr(math.fsum(i / 7 for i in range(1000))), repr(math.fsum([1, 2**60, -(2**60)])))
print(repr(math.fsum([0.3, 0.6, -0.9])), repr(math.fsum([-0.0, -0.0])), repr(math.fsum([5e-324, 5e-324, -5e-324])))

state = 12345
def rand():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state / 2**64

for trial in range(40):
    n = 1 + trial % 9
    xs = [(rand() - 0.5) * 10 ** (rand() * 40 - 20) for _ in range(n * 5)]
    print(trial, repr(math.fsum(xs)), repr(math.hypot(*xs[:n])), repr(math.dist(xs[:n], xs[n:2 * n])))

naive_differs = 0
for trial in range(2000):
    x, y = rand() * 100, rand() * 100
    h = math.hypot(x, y)
    if h != math.sqrt(x * x + y * y):
        naive_differs += 1
    if trial < 20:
        print(repr(x), repr(y), repr(h))
print("naive differs", naive_differs > 0)

print(repr(math.hypot()), repr(math.hypot(3)), repr(math.hypot(-3)), repr(math.hypot(3, 4)), repr(math.hypot(3, 4, 12)))
print(repr(math.hypot(1e308, 1e308)), repr(math.hypot(5e-324, 5e-324)), repr(math.hypot(1e-310, 3e-310, 2e-311)))
print(repr(math.hypot(1e-200, 1e-200)), repr(math.hypot(1e200, 1e-200)), repr(math.hypot(*range(100))))
print(repr(math.hypot(0.0, -0.0)), repr(math.hypot(math.inf, math.nan)), repr(math.hypot(math.nan, 1.0)))
print(repr(math.dist((1, 2, 3), (4, 6, 3))), repr(math.dist([], [])), repr(math.dist(iter([1.5]), (0.25,))))
print(repr(math.dist((1e308, -1e308), (-1e308, 1e308))), repr(math.dist((0.1, 0.2), (0.3, 0.4))))
print(repr(math.hypot(0.6, 0.8)), repr(math.hypot(1.0, 1.0)), repr(math.hypot(2.0, 3.0, 6.0)))
print(repr(math.hypot(1e-320, 1e-320, 1e-320)), repr(math.hypot(2**-1074, 2**-1073)))
