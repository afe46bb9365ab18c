# inf, -inf, nan, 0.0 and -0.0 through every function: a value or the exact exception.
import math

inf, nan = math.inf, math.nan
specials = [inf, -inf, nan, 0.0, -0.0, 1.0, -1.0, 1e308, -1e308, 5e-324, 2.0]

def show(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return f"{type(e).__name__}: {e}"

one_arg = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "ceil", "cos", "cosh", "degrees",
           "erf", "erfc", "exp", "exp2", "expm1", "fabs", "floor", "frexp", "gamma", "isfinite", "isinf",
           "isnan", "lgamma", "log", "log10", "log1p", "log2", "modf", "radians", "sin", "sinh", "sqrt",
           "tan", "tanh", "trunc", "ulp"]
for name in one_arg:
    f = getattr(math, name)
    print(name, [show(f, x) for x in specials])

two_arg = ["atan2", "copysign", "fmod", "remainder", "pow", "hypot", "nextafter", "log", "isclose", "dist2"]
small = [inf, -inf, nan, 0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -2.5]
for name in two_arg:
    if name == "dist2":
        f = lambda x, y: math.dist((x, 0.0), (0.0, y))
    else:
        f = getattr(math, name)
    for x in small:
        print(name, repr(x), [show(f, x, y) for y in small])

print("ldexp", [show(math.ldexp, x, i) for x in specials for i in (0, 1, -1, 2000, -2000, 10**30, -10**30)])
print("fsum", [show(math.fsum, xs) for xs in [[inf], [-inf, 1.0], [inf, inf], [inf, -inf], [nan, 1.0],
                                              [inf, nan], [-0.0], [-0.0, -0.0], [], [0.0, -0.0], [1e308, 1e308],
                                              [1e308, 1e308, -inf], [1e308, -1e308, 1e308]]])
print("prod", [show(math.prod, xs) for xs in [[inf, 0.0], [nan, 2], [-0.0, 5], [1e200, 1e200], [-1.0, inf]]])
print("signed zeros", repr(math.sin(-0.0)), repr(math.tan(-0.0)), repr(math.atan(-0.0)), repr(math.sqrt(-0.0)),
      repr(math.cbrt(-0.0)), repr(math.expm1(-0.0)), repr(math.log1p(-0.0)), repr(math.asinh(-0.0)),
      repr(math.atanh(-0.0)), repr(math.erf(-0.0)), repr(math.tanh(-0.0)), repr(math.sinh(-0.0)),
      repr(math.copysign(0.0, -0.0)), repr(math.fmod(-0.0, 1.0)), repr(math.remainder(-0.0, 1.0)),
      repr(math.remainder(-4.0, 2.0)), repr(math.fmod(-4.0, 2.0)), repr(math.degrees(-0.0)), repr(math.ldexp(-0.0, 5)))
print("gamma poles", [show(math.gamma, x) for x in [-1.0, -2.0, -1e300, 0.0, -0.0, 171.0, 171.7, 172.0, -171.5, -200.5, -1e-320, 1e-320, 1e-310]])
print("lgamma poles", [show(math.lgamma, x) for x in [-1.0, -2.0, -1e300, 0.0, -0.0, 1.0, 2.0, 1e306, 1e308, -1e-320, 2.5e305]])
print("exp edges", [show(math.exp, x) for x in [709.78, 709.79, -745.1, -745.2, 1e308]])
print("expm1 edges", [show(math.expm1, x) for x in [709.78, 709.79, -1e308]])
print("pow edges", [show(math.pow, x, y) for x, y in [(0.0, -1.0), (-0.0, -1.0), (-0.0, -2.0), (0.0, -inf), (-0.0, -3),
                                                   (-2.0, 0.5), (10.0, 400.0), (-10.0, 401.0), (10.0, -400.0),
                                                   (1.0, nan), (nan, 0.0), (-1.0, inf), (-inf, 3), (-inf, -3),
                                                   (-inf, 2.5), (inf, -0.5), (0.5, -inf), (-0.5, inf)]])
