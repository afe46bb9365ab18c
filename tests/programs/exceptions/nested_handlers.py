# Nested handlers: inner handler misses, outer catches; raising in except and finally.
def level(n):
    try:
        try:
            if n == 0:
                raise KeyError("zero")
            if n == 1:
                raise ValueError("one")
            return "ok"
        except KeyError as e:
            return "inner caught " + str(e)
        finally:
            print("inner finally", n)
    except ValueError as e:
        return "outer caught " + str(e)


for n in range(3):
    print(level(n))

try:
    try:
        raise TypeError("first")
    except TypeError:
        raise ValueError("second")
except ValueError as e:
    print(e, "context:", repr(e.__context__))

try:
    try:
        raise TypeError("a")
    finally:
        raise IndexError("b")
except Exception as e:
    print(type(e).__name__, type(e.__context__).__name__)

e = None
try:
    raise OSError("x")
except OSError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
