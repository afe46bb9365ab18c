# ExceptionGroup construction, split, subgroup and derive.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
print(type(eg).__name__, eg.message, len(eg.exceptions), str(eg))
print(repr(eg))
match, rest = eg.split(ValueError)
print([repr(e) for e in match.exceptions], [repr(e) for e in rest.exceptions])
print(match.message, type(match).__name__)
sub = eg.subgroup(lambda e: isinstance(e, LookupError))
print(repr(sub))
print(eg.subgroup(OSError))
m, r = eg.split((ValueError, TypeError, KeyError))
print(r, m is eg)
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
d = eg.derive([IndexError(9)])
print(repr(d))
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
