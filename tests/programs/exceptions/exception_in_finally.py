# An exception in finally replaces the pending one; context links them.
def f():
    try:
        raise ValueError("pending")
    finally:
        raise KeyError("replacement")


try:
    f()
except KeyError as e:
    print(repr(e), repr(e.__context__))


def g():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i == 0:
                continue
    return "loop ended"


try:
    print(g())
except ValueError as e:
    print("escaped", e)
