# Constants and the libm-backed functions on ordinary arguments.
import math

print(repr(math.pi), repr(math.e), repr(math.tau), repr(math.inf), repr(math.nan))
print(math.__name__, math.__doc__)
print(math.sin, math.floor, math.fsum)
print(type(math.pi).__name__, math.isnan(math.nan), math.nan is math.nan)

values = [0.0, 0.5, 1.0, -1.0, 2.0, 3.5, -7.25, 1e-10, 50.0, 0.1, 123.456, 1e-300]
for name in ["sin", "cos", "tan", "atan", "asinh", "sinh", "cosh", "tanh", "exp", "exp2", "expm1",
             "cbrt", "fabs", "erf", "erfc", "degrees", "radians"]:
    f = getattr(math, name)
    print(name, [repr(f(x)) for x in values])

unit = [0.0, 0.25, -0.5, 0.75, 1.0, -1.0, 1e-8, 0.999999]
for name in ["asin", "acos"]:
    f = getattr(math, name)
    print(name, [repr(f(x)) for x in unit])
print("atanh", [repr(math.atanh(x)) for x in [0.0, 0.25, -0.5, 0.75, 1e-8, 0.999999]])
print("acosh", [repr(math.acosh(x)) for x in [1.0, 1.5, 2.0, 10.0, 1e10, 1e300]])

positive = [1e-300, 1e-5, 0.5, 1.0, 2.0, 3.0, 10.0, 1000.0, 1e300, 5e-324]
for name in ["sqrt", "log", "log2", "log10", "log1p"]:
    f = getattr(math, name)
    print(name, [repr(f(x)) for x in positive])
print("log base", repr(math.log(8, 2)), repr(math.log(100, 10)), repr(math.log(2.5, 1.5)), repr(math.log(10, 0.5)))
print("log1p small", repr(math.log1p(-0.5)), repr(math.log1p(1e-20)), repr(math.log1p(-1e-20)))

pairs = [(1.0, 2.0), (-1.0, 2.0), (3.0, -4.0), (-0.0, 1.0), (1e300, 1e-300), (0.5, 0.5), (7.0, 3.0), (-7.5, 2.0)]
for name in ["atan2", "copysign", "fmod", "remainder", "pow", "hypot", "nextafter"]:
    f = getattr(math, name)
    print(name, [repr(f(x, y)) for x, y in pairs])

print("pow", repr(math.pow(2, 10)), repr(math.pow(2, 0.5)), repr(math.pow(-2, 3)), repr(math.pow(-8, 1/3 * 3)))
print("remainder ties", [repr(math.remainder(x, 2.0)) for x in [1.0, 3.0, 5.0, -1.0, -3.0, 2.5, 0.5]])
print("frexp", [math.frexp(x) for x in [1.0, 0.5, 3.0, -10.0, 1e300, 5e-324, 1e-310, 2.0**-1022]])
print("ldexp", [repr(math.ldexp(x, i)) for x, i in [(0.5, 1), (1.0, -1074), (1.0, -1075), (3.0, 100), (1.0, 1023), (0.75, -1073), (1, True)]])
print("modf", [math.modf(x) for x in [1.5, -1.5, 3.0, -3.0, 0.25, -0.0, 1e300, 1e-300]])
print("ulp", [repr(math.ulp(x)) for x in [1.0, 0.0, -2.0, 1e300, 5e-324, 1.7976931348623157e308, 1e-310]])
print("nextafter", repr(math.nextafter(1.0, 2.0)), repr(math.nextafter(1.0, 0.0)), repr(math.nextafter(0.0, -1.0)),
      repr(math.nextafter(1.0, 1.0)), repr(math.nextafter(-0.0, 0.0)))
print("isfinite", [math.isfinite(x) for x in [0.0, 1, math.inf, -math.inf, math.nan, 10**300]])
print("isinf", [math.isinf(x) for x in [0.0, 1, math.inf, -math.inf, math.nan]])
print("isnan", [math.isnan(x) for x in [0.0, 1, math.inf, -math.inf, math.nan]])

# Arguments that are ints, bools, float subclasses and objects with __float__ / __index__.
class F(float):
    pass

class HasFloat:
    def __float__(self):
        return 2.5

class HasIndex:
    def __index__(self):
        return 7

print(repr(math.sqrt(16)), repr(math.sqrt(True)), repr(math.sqrt(F(2.25))), repr(math.sqrt(HasFloat())),
      repr(math.sqrt(HasIndex())), repr(math.exp(10**2)), repr(math.atan2(1, 2)))

# An int subclass converts through its own __float__ (CPython's nb_float); log uses the int.
class IntWithFloat(int):
    def __float__(self):
        return 2.5

class IntBadFloat(int):
    def __float__(self):
        return "x"

print(repr(math.sqrt(IntWithFloat(4))), repr(math.hypot(IntWithFloat(4))), repr(math.fsum([IntWithFloat(4)])),
      repr(math.log(IntWithFloat(4))), math.floor(IntWithFloat(4)), repr(math.pow(IntWithFloat(4), 1)),
      repr(math.ldexp(IntWithFloat(4), IntWithFloat(2))), math.isclose(IntWithFloat(4), 2.5))
try:
    math.sqrt(IntBadFloat(4))
except TypeError as e:
    print("TypeError", e)
