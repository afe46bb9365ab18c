# frame.clear(), generator/coroutine __del__ and the descriptors of frames, code objects and
# generators read through their types, as CPython 3.11.
import sys
import types


def finished():
    x = 1
    return sys._getframe()


frame = finished()
print(sorted(frame.f_locals), frame.f_trace_lines, frame.f_trace_opcodes, frame.f_trace)
frame.clear()
print(frame.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError", e)
print(types.FrameType.__dict__["f_code"].__get__(frame).co_name, type(types.FrameType.__dict__["f_lineno"]).__name__)


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


g = gen()
g.__del__()
print("unstarted: closed without running", list(g))
g = gen()
next(g)
g.__del__()
print(g.gi_frame, g.gi_suspended, list(g))


def stubborn():
    try:
        yield 1
    finally:
        yield 2


s = stubborn()
next(s)
sys.unraisablehook = lambda u: print("unraisable:", u.exc_type.__name__, u.exc_value, u.object is s)
s.__del__()
sys.unraisablehook = sys.__unraisablehook__
G = types.GeneratorType
print(G.__dict__["gi_code"].__get__(gen()).co_name, G.__dict__["gi_running"].__get__(gen()), G.__dict__["__name__"].__get__(gen()))
code = finished.__code__
C = types.CodeType
print(C.__dict__["co_name"].__get__(code), C.__dict__["co_varnames"].__get__(code), type(code.co_lnotab).__name__)
print(code._varname_from_oparg(0))


def outer():
    a = 1
    b = 2

    def inner():
        return a + b

    return inner


print(outer.__code__.co_cellvars, [outer.__code__._varname_from_oparg(i) for i in range(2)])
print(outer().__code__.co_freevars, outer().__code__._varname_from_oparg(0))


async def coro():
    return 3


import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    never = coro()
    never.__del__()
    print(never.cr_frame is not None)
    never.close()
    c = coro()
    print(types.CoroutineType.__dict__["cr_code"].__get__(c).co_name, c.cr_origin, c.cr_suspended, c.cr_await)
    c.close()
    c.__del__()
print([(w.category.__name__, str(w.message)) for w in caught])
