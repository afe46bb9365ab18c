# A generator keeps its own handled exception (CPython's gi_exc_state): suspended inside an
# except block, it does not leak into its resumer, and resumed, it sees it again.
import sys


def thrower():
    try:
        yield 1
    except ValueError as e:
        print("inside handler:", sys.exc_info()[1])
        yield 2
        print("resumed in handler:", sys.exc_info()[1])
    print("after handler:", sys.exc_info()[1])
    yield 3


def deleg():
    yield from thrower()


for make in (thrower, deleg):
    g = make()
    print(next(g))
    print(g.throw(ValueError("boom")))
    print("resumer sees:", sys.exc_info())
    try:
        raise KeyError("outer")
    except KeyError:
        print(next(g))
        print("resumer still handles:", repr(sys.exc_info()[1]))
    print(list(g))


def sees_resumer():
    yield sys.exc_info()[1]


try:
    raise TypeError("resumer's")
except TypeError:
    for seen in sees_resumer():
        print("generator sees:", repr(seen))


def raiser():
    try:
        yield 1
    except ZeroDivisionError:
        raise RuntimeError("from handler")


g = raiser()
next(g)
try:
    g.throw(ZeroDivisionError)
except RuntimeError as e:
    print(e, "context:", type(e.__context__).__name__)
print("finally:", sys.exc_info())

from contextlib import contextmanager


@contextmanager
def managed():
    try:
        yield "resource"
    except KeyError as e:
        print("manager saw", repr(e))
        raise
    finally:
        print("manager cleanup")


try:
    with managed() as r:
        print("using", r)
        raise KeyError("k")
except KeyError:
    print("caught outside", sys.exc_info()[0].__name__)
print("end:", sys.exc_info())
