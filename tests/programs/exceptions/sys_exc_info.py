# sys.exc_info() and sys.exception() inside and outside handlers.
import sys

print(sys.exc_info(), sys.exception())
try:
    raise ValueError("inside")
except ValueError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, v is e, tb is e.__traceback__, sys.exception() is e)
    try:
        raise KeyError("nested")
    except KeyError:
        print(sys.exc_info()[0].__name__, repr(sys.exception()))
    print(sys.exc_info()[0].__name__)
print(sys.exc_info(), sys.exception())


def in_function():
    return sys.exception()


try:
    1 / 0
except ZeroDivisionError:
    print(type(in_function()).__name__)
print(in_function())
try:
    try:
        raise TypeError("t")
    finally:
        print("finally sees", repr(sys.exception()))
except TypeError:
    pass
