# split/subgroup with types, tuples and predicates; metadata copied to the parts.
eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3), KeyError(4)])])
m, r = eg.split(ValueError)
print(repr(m))
print(repr(r))
print(eg.split(Exception)[0] is eg, eg.split(Exception)[1])
print(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "sub"))
print(repr(eg.subgroup(lambda e: not isinstance(e, ExceptionGroup) and e.args[0] % 2 == 0)))
print(eg.subgroup((OSError, ZeroDivisionError)))
eg.__cause__ = RuntimeError("cause")
eg.__context__ = LookupError("ctx")
eg.add_note("a note")
m, r = eg.split(TypeError)
print(repr(m.__cause__), repr(m.__context__), m.__notes__, m.__notes__ is eg.__notes__, m.__suppress_context__)
print(r.args[0], type(r.args[1]).__name__, len(r.exceptions))
for bad in (1, "x", (ValueError, 3), print):
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    eg.split()
except TypeError as e:
    print(e)
