# Several except* clauses, each sees only its part; tuples of types; the naked case.
def run(exc):
    try:
        raise exc
    except* (ValueError, KeyError) as g:
        print("  value/key:", repr(g))
    except* TypeError as g:
        print("  type:", repr(g))
    except* ArithmeticError:
        print("  arithmetic")

print("group:")
run(ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3), ZeroDivisionError(4)]))
print("nested:")
run(ExceptionGroup("outer", [TypeError("t"), ExceptionGroup("inner", [ValueError("v"), OverflowError("o")])]))
print("naked:")
run(TypeError("lonely"))
print("naked arithmetic:")
run(ZeroDivisionError("zd"))

try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError as g:
    import sys
    print(sys.exc_info()[1] is g, repr(sys.exc_info()[1]))
print("after", sys.exc_info())
