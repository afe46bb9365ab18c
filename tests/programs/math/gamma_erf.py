# gamma, lgamma (CPython's own Lanczos code) and erf, erfc: bit-exact on many arguments.
import math

args = [0.5, 1.5, 2.5, 3.0, 4.5, 5.0, 5.5, 7.25, 10.1, 23.0, 24.0, 30.5, 57.3, 100.0, 139.9, 140.0, 141.5,
        170.5, 171.6, 1e-5, 1e-19, 1e-21, 0.1, 0.9999, 1.0001, 1.9999, -0.5, -1.5, -2.5, -3.999, -10.1,
        -57.5, -139.5, -140.5, -170.5, -180.5, -199.9, -200.5, -250.5, -1e-21]
print("gamma", [repr(math.gamma(x)) for x in args])
print("lgamma", [repr(math.lgamma(x)) for x in args + [300.0, 1e5, 1e17, 1e300, -1e5 - 0.5, -4503599627370495.5]])
state = 99
def rand():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state / 2**64
sample = [(rand() - 0.3) * 60 for _ in range(150)]
print("gamma sample", [repr(math.gamma(x)) for x in sample])
print("lgamma sample", [repr(math.lgamma(x)) for x in sample])
erf_args = [0.0, 1e-10, 0.1, 0.5, 1.0, 1.4, 1.5, 2.0, 3.0, 5.0, 6.0, 10.0, 27.0, 30.0, -0.3, -1.5, -4.0, -30.0]
print("erf", [repr(math.erf(x)) for x in erf_args])
print("erfc", [repr(math.erfc(x)) for x in erf_args])
print("erf sample", [repr(math.erf(x / 7)) for x in sample])
print("erfc sample", [repr(math.erfc(x / 7)) for x in sample])

# Logarithms of ints past the float range go through frexp of the int.
for n in [2**1023, 2**1024, 2**1024 - 1, 2**10000, 10**400, 3**5000, 2**100000 + 1, 7 * 2**2000 - 1, 2**1100 - 2**1040]:
    print(repr(math.log(n)), repr(math.log2(n)), repr(math.log10(n)), repr(math.log(n, 2)), repr(math.log(n, 10**400)))
print(repr(math.log(10**400, 0.5)), repr(math.log(2, 2**5000)), repr(math.log10(10**22)), repr(math.log2(2**60)))
for bad in [0, -1, -2**2000, False]:
    for f in (math.log, math.log2, math.log10):
        try:
            f(bad)
        except ValueError as e:
            print(f.__name__, "ValueError", e)
try:
    math.log(10, 1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
