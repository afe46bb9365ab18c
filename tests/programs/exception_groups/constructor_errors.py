# BaseExceptionGroup's constructor checks and the type it picks.
cases = [
    lambda: BaseExceptionGroup("x"),
    lambda: BaseExceptionGroup(1, [ValueError()]),
    lambda: ExceptionGroup("x", 5),
    lambda: ExceptionGroup("x", {ValueError()}),
    lambda: ExceptionGroup("x", []),
    lambda: ExceptionGroup("x", ()),
    lambda: ExceptionGroup("x", [ValueError(), 1]),
    lambda: ExceptionGroup("x", [ValueError()], 3),
    lambda: ExceptionGroup("x", [SystemExit()]),
    lambda: ExceptionGroup("x", [ValueError()], k=1),
]
for case in cases:
    try:
        case()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
g = BaseExceptionGroup("b", (ValueError(1), TypeError(2)))
print(type(g).__name__, repr(g), str(g), g.args)
g = BaseExceptionGroup("b", [GeneratorExit(), ValueError(2)])
print(type(g).__name__, repr(g), isinstance(g, Exception))
g = ExceptionGroup("one", [ZeroDivisionError("z")])
print(str(g), g.message, g.exceptions, type(g.exceptions).__name__)
g = ExceptionGroup("from range-ish", tuple(ValueError(i) for i in range(3)))
print(len(g.exceptions), str(g))
