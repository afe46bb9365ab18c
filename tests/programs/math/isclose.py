# isclose: relative and absolute tolerances, infinities, NaN, keywords.
import math

inf, nan = math.inf, math.nan
cases = [(1.0, 1.0), (1.0, 1.0 + 1e-9), (1.0, 1.0 + 2e-9), (1e10, 1e10 + 10), (1e10, 1e10 + 11),
         (0.0, 1e-10), (0.0, 0.0), (-0.0, 0.0), (inf, inf), (-inf, inf), (inf, 1e308), (nan, nan),
         (nan, 1.0), (1, 1), (2, 2.0000000001), (-1.0, -1.0000000005), (1e-300, 2e-300)]
for a, b in cases:
    print(repr(a), repr(b), math.isclose(a, b), math.isclose(a, b, rel_tol=1e-5),
          math.isclose(a, b, abs_tol=1e-9), math.isclose(a, b, rel_tol=0.0, abs_tol=0.0),
          math.isclose(b, a, rel_tol=0.5))
print(math.isclose(a=1.0, b=1.1, rel_tol=0.1), math.isclose(1.0, b=1.1, abs_tol=0.11), math.isclose(b=3, a=3))
print(math.isclose(100, 105, rel_tol=0.05), math.isclose(100, 105, rel_tol=0.049), math.isclose(1, 2, rel_tol=inf))
for bad in [dict(rel_tol=-1.0), dict(abs_tol=-1e-300), dict(rel_tol=nan), dict(abs_tol=nan)]:
    try:
        print(math.isclose(1.0, 1.0, **bad), math.isclose(1.0, 2.0, **bad))
    except ValueError as e:
        print("ValueError", e)
