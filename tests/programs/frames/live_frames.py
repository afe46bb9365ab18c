# Frame objects are live views of their frames: one object per frame, whose line and
# locals follow the frame while it runs and keep their last state once it finishes.
import sys


def where():
    return sys._getframe(1)


def watch():
    f = sys._getframe()
    print(f is sys._getframe(), f is where())
    a = 1
    print(f.f_lineno, sorted(f.f_locals))
    b = 2
    print(f.f_lineno, {k: v for k, v in f.f_locals.items() if k != "f"})
    print(f.f_locals is f.f_locals)
    del a
    print(sorted(f.f_locals))
    return f


done = watch()
print(done.f_lineno, sorted(done.f_locals), done.f_back is sys._getframe())
print(done.f_code.co_name, done.f_back.f_code.co_name)


def caller():
    me = sys._getframe()
    inner(me)
    x = "after"
    print("caller line now", me.f_lineno)


def inner(outer):
    print("outer line", outer.f_lineno, outer.f_code.co_name)
    print("back is outer", sys._getframe().f_back is outer)


caller()


def gen():
    x = 1
    yield x
    y = x + 1
    yield y


g = gen()
print(g.gi_suspended, g.gi_running, g.gi_frame.f_lineno)
f = g.gi_frame
next(g)
print(f is g.gi_frame, f.f_lineno, f.f_locals, f.f_back)
next(g)
print(f.f_lineno, f.f_locals)
for _ in g:
    pass
print(g.gi_frame, g.gi_suspended, f.f_lineno)


def outer_gen():
    result = yield from gen()
    return result


og = outer_gen()
next(og)
print(og.gi_yieldfrom.__name__, og.gi_frame.f_lineno)


async def inner_coro():
    return 5


class Awaitable:
    def __await__(self):
        yield "suspended"
        return 7


async def coro():
    a = await inner_coro()
    b = await Awaitable()
    return a + b


c = coro()
print(c.cr_suspended, c.cr_await, c.cr_origin)
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_suspended, c.cr_frame.f_lineno)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value, c.cr_frame)


async def agen():
    yield 1


ag = agen()
print(ag.ag_running, ag.ag_await, ag.ag_frame.f_code.co_name, ag.ag_code.co_name)
print(repr(ag).split(" at ")[0])
