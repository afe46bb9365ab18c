# Edges of the register loop's call fast paths: code and defaults replaced between and
# during calls, globals changing, frames that outlive their function's name, deep frames
# spanning slot chunks, and returns through them.
import gc


def one(a):
    return ("one", a)


def two(a, b):
    return ("two", a, b)


def caller(f, x):
    return f(x)


print(caller(one, 1))
saved = one.__code__
one.__code__ = two.__code__
try:
    caller(one, 2)
except TypeError as e:
    print("TypeError:", e)
print(one(3, 4))
one.__code__ = saved
print(caller(one, 5))


def with_default(a, b=10):
    return a + b


for i in range(3):
    print(with_default(i))
with_default.__defaults__ = (100,)
print(with_default(1))
with_default.__defaults__ = None
try:
    with_default(1)
except TypeError as e:
    print("TypeError:", e)


def swap_own_code():
    swap_own_code.__code__ = replacement.__code__
    return "original still running"


def replacement():
    return "replacement"


print(swap_own_code())
print(swap_own_code())

counter = 0


def read_counter():
    return counter


for counter in range(3):
    print(read_counter())


def forget_myself(n):
    del globals()["forget_myself"]
    gc.collect()
    return [n * k for k in range(3)]


print(forget_myself(7))
print("forget_myself" in globals())

namespace = {}
exec("def in_exec(x):\n    return helper(x) * 2\ndef helper(x):\n    return x + 1\n", namespace)
in_exec = namespace["in_exec"]
del namespace
gc.collect()
print(in_exec(20))
print(in_exec.__globals__["helper"](1))


def many_locals(n):
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = n
    b0 = b1 = b2 = b3 = b4 = b5 = b6 = b7 = b8 = b9 = n
    c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = c8 = c9 = n
    d0 = d1 = d2 = d3 = d4 = d5 = d6 = d7 = d8 = d9 = n
    if n == 0:
        return 0
    total = a0 + a9 + b0 + b9 + c0 + c9 + d0 + d9
    return total + many_locals(n - 1)


for _ in range(3):
    print(many_locals(900))


def deep_closure(n):
    def inner(k):
        return k + n

    if n == 0:
        return inner(0)
    return inner(deep_closure(n - 1))


print(deep_closure(500))


def method_holder():
    class Point:
        def __init__(self, x, y):
            self.x = x
            self.y = y

        def norm1(self):
            return abs(self.x) + abs(self.y)

        def scaled(self, k=2):
            return Point(self.x * k, self.y * k)

    p = Point(3, -4)
    print(p.norm1(), p.scaled().norm1(), p.scaled(3).norm1())
    m = p.norm1
    print(m(), Point.norm1(p))


method_holder()


def returns_many():
    return 1, "two", [3], None


for _ in range(2):
    print(returns_many())


def init_returns_value():
    class Bad:
        def __init__(self):
            return 5

    try:
        Bad()
    except TypeError as e:
        print("TypeError:", e)


init_returns_value()
