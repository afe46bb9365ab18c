# Returns the register loop handles itself: plain calls, `__init__` frames (whose value
# must be None), frames with frame objects, generators' frames, deep recursion.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(15))


def ret_const():
    return "const"


def ret_none():
    pass


def ret_after_stack(a, b):
    x = [a, b]
    return (x, a, b)


print(ret_const(), ret_none(), ret_after_stack(1, [2]))


class Good:
    def __init__(self, v):
        self.v = v


class Bad:
    def __init__(self):
        return 5


print(Good(3).v)
try:
    Bad()
except TypeError as e:
    print("TypeError", e)


class Sub(Good):
    def __init__(self, v):
        super().__init__(v * 2)


print(Sub(4).v)


# A frame whose frame object was asked for returns normally, and the object sees its end.
def keep_frame():
    return sys._getframe()


f = keep_frame()
print(f.f_code.co_name, f.f_back is None or f.f_back.f_code.co_name)


def caller_name():
    return sys._getframe(1).f_code.co_name


def via():
    return caller_name()


print(via())


# Generators returning from inside a for loop and from next().
def g(n):
    for i in range(n):
        yield i
    return "done"


print(list(g(3)))
it = g(1)
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", e.value)


# Locals holding objects are released when the frame returns.
class Tracked:
    alive = 0

    def __init__(self):
        Tracked.alive += 1

    def __del__(self):
        Tracked.alive -= 1


def make_and_drop():
    a = Tracked()
    b = [Tracked(), Tracked()]
    return len(b)


print(make_and_drop(), Tracked.alive)


# Deep recursion and the recursion limit from Python to Python.
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


print(down(500))
sys.setrecursionlimit(100)


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
print(down(50))
