# Edges of resuming generators in the resumer's loop (for, yield from, next(), send()):
# the handled exception across yields, gi_running/gi_frame/gi_suspended, close/throw on
# suspended generators, alternating resumers, recursion, cycles.
import gc
import sys


def show_exc(tag):
    print(tag, repr(sys.exc_info()[1]))


# 1. A generator suspended inside an except block keeps its exception; the resumer's own
# handled exception is current again outside it.
def in_except():
    try:
        raise KeyError("inner")
    except KeyError:
        show_exc("gen before yield")
        yield 1
        show_exc("gen after yield 1")
        yield 2
        show_exc("gen after yield 2")
    show_exc("gen after except")
    yield 3


for x in in_except():
    show_exc(f"loop got {x}")

try:
    raise ValueError("outer")
except ValueError:
    for x in in_except():
        show_exc(f"loop in except got {x}")
    show_exc("after loop in except")
show_exc("after all")

# next() and send() alternating with a for loop.
g = in_except()
print(next(g))
show_exc("after next")
try:
    raise TypeError("resumer")
except TypeError:
    print(g.send(None))
    show_exc("resumer after send")
for x in g:
    show_exc(f"for got {x}")


# A generator raising inside except blocks while suspended between.
def raiser():
    try:
        yield "a"
        raise IndexError("x")
    except IndexError as e:
        yield repr(e)
        try:
            raise OSError("nested")
        except OSError:
            yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


print(list(raiser()))
try:
    raise RuntimeError("consumer")
except RuntimeError:
    print(list(raiser()))
    print([v for v in raiser()])


# 2. gi_running, gi_frame, gi_suspended while running inline and suspended.
def watcher():
    me = yield
    while True:
        print("running", me.gi_running, "suspended", me.gi_suspended, "frame", me.gi_frame is not None)
        me = yield me.gi_frame.f_lineno


w = watcher()
print("created", w.gi_running, w.gi_suspended, w.gi_frame.f_lineno)
next(w)
print("suspended", w.gi_running, w.gi_suspended, w.gi_frame.f_lineno)
print(w.send(w))


def feeder(n):
    for i in range(n):
        yield i


f = feeder(5)
for x in f:
    fr = f.gi_frame
    print("loop", x, f.gi_running, f.gi_suspended, fr.f_lineno, fr.f_locals["i"])
    if x == 2:
        break
print("after break", f.gi_suspended, next(f), list(f), f.gi_frame)


# 3. close() and throw() on suspended generators resumed inline before.
def closable():
    try:
        for i in range(10):
            yield i
    finally:
        print("closed at", i)


c = closable()
for x in c:
    if x == 3:
        break
c.close()
print("closed", c.gi_frame, list(c))

c = closable()
for x in c:
    if x == 1:
        break
try:
    c.throw(ValueError("thrown"))
except ValueError as e:
    print("throw propagated", e)


def catcher():
    while True:
        try:
            yield "ok"
        except ZeroDivisionError as e:
            print("caught", repr(e), repr(sys.exc_info()[1]))
            yield "after catch"


k = catcher()
for x in k:
    print(x)
    break
print(k.throw(ZeroDivisionError("z")))
print(next(k))
for x in k:
    print("for", x)
    break


# 4. Recursion limit through nested generators (for and yield from).
def deep(n):
    if n == 0:
        yield 0
        return
    for x in deep(n - 1):
        yield x + 1


def deep_from(n):
    if n == 0:
        yield 0
        return
    yield from deep_from(n - 1)


print(list(deep(50)), list(deep_from(50))[0])
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
for maker in (deep, deep_from):
    try:
        print(sum(maker(1000)))
    except RecursionError as e:
        print(maker.__name__, "RecursionError", e)
# The limit applies again after it was hit, and generators still work.
print(sum(deep(20)), sum(deep_from(20)))
sys.setrecursionlimit(old)


# 5. Cycles through generators are collected; a suspended one is closed when collected.
class Holder:
    pass


def cyclic(h):
    try:
        yield 1
        yield 2
    finally:
        print("cyclic closed")


for i in range(3):
    h = Holder()
    h.g = cyclic(h)
    for x in h.g:
        break
    del h
    gc.collect()
print("cycles collected")


# 6. yield from chains, with send and return values.
def leaf():
    got = yield "leaf1"
    print("leaf got", got)
    got = yield "leaf2"
    return f"leaf returned {got}"


def middle():
    r = yield from leaf()
    print("middle got", r)
    return "middle done"


def top():
    r = yield from middle()
    yield r


t = top()
print(next(t))
print(t.send("s1"))
print(t.send("s2"))
print(list(t))
print([x for x in top()])


# A generator resumed while running raises.
def self_ref():
    yield next(me)


me = self_ref()
try:
    for x in me:
        pass
except ValueError as e:
    print("ValueError", e)

# StopIteration inside becomes RuntimeError.
def stopper():
    yield 1
    raise StopIteration("inner")


try:
    for x in stopper():
        pass
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))

# Exhausted generators stay exhausted under every resumer.
e = feeder(2)
print(list(e), list(e), next(e, "done"))
try:
    e.send(None)
except StopIteration:
    print("StopIteration on send")

# Dropped by reference count: a suspended one is closed, a new or finished one is not.
c = closable()
for x in c:
    break
del c
c = closable()
del c
c = closable()
for x in c:
    pass
del c
print("drops done")


# A finished inline generator and a frame object asked for while it ran.
def with_frame():
    fr = sys._getframe()
    yield fr.f_code.co_name
    yield fr.f_code.co_argcount


print(list(with_frame()))
wf = with_frame()
for x in wf:
    print(x, wf.gi_frame.f_lasti > 0)


# First resumptions: generators with cells and free variables (MAKE_CELL and
# COPY_FREE_VARS come before RETURN_GENERATOR), unstarted ones thrown into or closed.
def outer(k):
    def cells(n):
        total = n

        def add(v):
            nonlocal total
            total += v
            return total

        for i in range(n):
            yield add(i * k)

    return cells


print(list(outer(2)(4)), [x for x in outer(3)(3)])
u = outer(1)(3)
print("unstarted", u.gi_frame is not None, u.gi_running, u.gi_suspended)
for x in u:
    print("first", x, u.gi_frame.f_lineno)
    break
u = outer(1)(3)
try:
    u.throw(KeyError("early"))
except KeyError as e:
    print("unstarted throw", e, u.gi_frame, list(u))
u = outer(1)(3)
u.close()
print("unstarted close", u.gi_frame, list(u))
try:
    outer(1)(3).send(5)
except TypeError as e:
    print(e)


# iter() of a generator is the generator: nested loops over one generator share it.
def pairs():
    yield 1
    yield 2
    yield 3


p = pairs()
for a in p:
    for b in p:
        print("nested", a, b)
print(iter(p) is p, [v for v in pairs()], list(iter(pairs())))
