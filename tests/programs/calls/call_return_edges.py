# Calls and returns the register loop switches frames for itself: argument moves of
# every small count (plain and method form), the recursion limit, exceptions unwinding
# through such frames, frame objects, __init__ frames, generators and finalizers.
import sys


def a0():
    return "a0"


def a1(x):
    return x


def a2(x, y):
    return (x, y)


def a3(x, y, z):
    return (x, y, z)


def a4(x, y, z, w):
    return (x, y, z, w)


def a5(x, y, z, w, v):
    return [x, y, z, w, v]


print(a0(), a1(1), a2(1, "b"), a3(1, 2.5, None), a4(1, 2, 3, [4]), a5(*"abcde"))
for i in range(3):
    print(a3(i, i * 2, str(i)), a5(i, i + 1, i + 2, i + 3, i + 4))


class C:
    def __init__(self, tag):
        self.tag = tag

    def m0(self):
        return self.tag

    def m1(self, x):
        return (self.tag, x)

    def m2(self, x, y):
        return (self.tag, x, y)

    def m3(self, x, y, z):
        return (self.tag, x, y, z)

    def m4(self, x, y, z, w):
        return (self.tag, x, y, z, w)


c = C("c")
print(c.m0(), c.m1(1), c.m2(1, 2), c.m3(1, 2, 3), c.m4(1, 2, 3, 4))
print(C.m2(c, "x", "y"))


# Arguments are moved, not shared: rebinding a parameter leaves the caller's value.
def rebind(x, y):
    x = x + [9]
    y.append(8)
    return x, y


p, q = [1], [2]
print(rebind(p, q), p, q)


# The recursion limit, then calls at normal depth again.
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
try:
    down(0)
except RecursionError:
    print("again RecursionError")
print(depth(100))


# An exception unwinding through several plain frames, the traceback naming each.
def f3(x):
    return 1 // x


def f2(x):
    return f3(x) + 1


def f1(x):
    return f2(x) + 1


print(f1(1))
try:
    f1(0)
except ZeroDivisionError as e:
    tb, names = e.__traceback__, []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("unwound through", names)
print(f1(2))


# A frame object made for a frame the loop pushed; its caller chain; its locals after
# the return.
def inner(v):
    fr = sys._getframe()
    return fr, v * 2


def outer(v):
    fr, w = inner(v + 1)
    return fr, sys._getframe(0).f_code.co_name, w


fr, name, w = outer(3)
print(name, w, fr.f_code.co_name, fr.f_back.f_code.co_name if fr.f_back else None)
print(sorted(fr.f_locals.items(), key=lambda kv: kv[0])[1])


def caller_name():
    return sys._getframe(1).f_code.co_name


def who():
    return caller_name()


print(who(), [who() for _ in range(2)])


# __init__ frames: None returned, a value refused, an exception propagated.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class Bad:
    def __init__(self):
        return 5


class Raises:
    def __init__(self, n):
        if n:
            raise ValueError("init " + str(n))


pts = [Point(i, i * i) for i in range(4)]
print([(pt.x, pt.y) for pt in pts])
try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
for n in (0, 1):
    try:
        print(type(Raises(n)).__name__)
    except ValueError as e:
        print("ValueError:", e)


# Generators called from the loop, and a generator calling plain functions.
def gen(n):
    for i in range(n):
        yield a2(i, a1(i))


def use_gen(n):
    return list(gen(n))


print(use_gen(3), sum(x for x, _ in gen(5)))


# A local's finalizer runs when the plain frame holding it returns.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def holds(name):
    n = Noisy(name)
    return name + " returned"


print(holds("first"))
print(holds("second"))


# Returns of constants and of values, in a mutually recursive pair.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


print([is_even(i) for i in range(6)], is_odd(301))
