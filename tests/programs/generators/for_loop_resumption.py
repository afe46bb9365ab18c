# Generators driven by `for` loops (run in the caller's own eval loop): yields, returns,
# exceptions, PEP 479, frames, and closing a generator dropped while suspended.
import sys


def g():
    yield 1
    f = sys._getframe()
    print("caller:", f.f_back.f_code.co_name, "self:", f.f_code.co_name)
    yield 2
    raise StopIteration


def h():
    for x in g():
        print("got", x)


try:
    h()
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def bad():
    yield 1
    1 / 0


gen = bad()
try:
    for x in gen:
        print("running inside loop body:", gen.gi_running, x)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, gen.gi_frame)
print(list(gen))


def nested():
    for i in range(4):
        for j in (k * k for k in range(i)):
            yield i, j


print(list(nested()))
for v in nested():
    if v == (3, 1):
        break
print("broke at", v)


def cleanup(tag):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", tag)


for v in cleanup("break"):
    print(v)
    break
print("after break")

it = cleanup("shared")
for v in it:
    print("outer", v)
    for w in it:
        print("inner", w)
print("after shared")

g2 = cleanup("del")
next(g2)
del g2
print("after del")


class Resource:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)


def with_resource():
    with Resource():
        yield "a"
        yield "b"


for item in with_resource():
    print(item)
    break
print("after with")


def returns_value():
    yield 1
    return 99


print([x for x in returns_value()])


def deep(n):
    if n:
        yield from deep(n - 1)
    yield n


print(sum(x for x in deep(50)), list(deep(3)))


def running_check():
    yield gen_ref.gi_running


gen_ref = running_check()
for flag in gen_ref:
    print("gi_running while running:", flag)

def throws_in_loop():
    yield 1
    try:
        yield 2
    except KeyError:
        yield "caught"


t = throws_in_loop()
for v in t:
    print(v)
    if v == 2:
        print(t.throw(KeyError))
