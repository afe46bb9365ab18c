# sys._getframe, f_back chains, f_globals/f_locals, tb_frame and gi_frame.
import sys


def where():
    caller = sys._getframe(1)
    return caller.f_code.co_name, caller.f_lineno, caller.f_globals["__name__"]


def f(a, b=2):
    c = a + b
    # A frame object is a snapshot in Pyrite (live in CPython): read it right away.
    print(sorted(sys._getframe().f_locals))
    here = sys._getframe()
    print(here.f_code.co_name, here.f_locals["c"])
    print(here.f_back.f_code.co_name, here.f_back.f_back.f_code.co_name)
    print(where())
    return c


def g():
    return f(1)


print(g())
print(sys._getframe().f_back)
print(sys._getframe().f_globals is globals())
print(sys._getframe().f_locals is globals())
print(sys._getframe().f_builtins is __builtins__.__dict__)
print(type(sys._getframe()).__name__)
for bad in [50, "x"]:
    try:
        sys._getframe(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(type(tb.tb_frame).__name__, tb.tb_frame.f_code.co_name, tb.tb_lineno)
    print(tb.tb_frame.f_globals is globals())


def gen():
    x = 5
    yield x
    y = 6
    yield y


it = gen()
print(it.gi_frame.f_code.co_name, it.gi_frame.f_lineno)
next(it)
print(it.gi_frame.f_lineno, it.gi_frame.f_locals)
next(it)
print(it.gi_frame.f_lineno, sorted(it.gi_frame.f_locals.items()))
list(it)
print(it.gi_frame)


class C:
    x = 1
    names = sorted(sys._getframe().f_locals)


print(C.names)


def namedtuple_like():
    # What collections.namedtuple does to find the caller's module.
    return sys._getframe(1).f_globals.get("__name__", "__main__")


print(namedtuple_like())
