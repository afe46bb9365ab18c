# Calls that the fast paths for plain functions take, and their edges: method form,
# functions called from native code (map, sorted, max with a key), arity errors,
# recursion through native calls, frames seen by sys._getframe, generators, defaults.
import sys


def add(a, b):
    return a + b


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def plus(self, k):
        return self.v + k


def neg(x):
    return -x


b = Box(5)
print(add(1, 2), b.get(), b.plus(3), Box.plus(b, 4))
print(list(map(neg, [3, 1, 2])), sorted([3, 1, 2], key=neg), max([3, 1, 2], key=neg))
print(list(map(add, [1, 2], [10, 20])), list(map(b.plus, [1, 2])))

# Wrong arities go to the general binder and raise its errors.
for f, args in ((add, (1,)), (add, (1, 2, 3)), (neg, ())):
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    list(map(add, [1, 2]))
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], key=add)
except TypeError as e:
    print("TypeError:", e)


# Defaults, *args, keyword-only parameters, generators: not the plain path.
def with_default(a, b=10):
    return a + b


def star(*args):
    return args


def kwonly(a, *, k=1):
    return a * k


def gen(n):
    yield n
    yield n + 1


print(list(map(with_default, [1, 2])), list(map(star, [1, 2])), list(map(kwonly, [3])))
print(list(map(gen, [1]))[0].__class__.__name__, [list(g) for g in map(gen, [1, 5])])


# Frames: the caller chain through plain calls and through native calls.
def who():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, sorted(f.f_locals)


def outer(x):
    return who(), x


print(outer(7))
print(list(map(lambda x: (sys._getframe().f_back is None, x), [1])))


def inner_frame(x):
    return sys._getframe()


fr = inner_frame(3)
print(fr.f_locals, fr.f_code.co_name)
fr2 = list(map(inner_frame, [4]))[0]
print(fr2.f_locals)


# Recursion through plain calls and through native calls hits the limit cleanly.
def deep(n):
    return deep(n + 1)


def deep_native(n):
    return list(map(deep_native, [n + 1]))


for f in (deep, deep_native):
    try:
        f(0)
    except RecursionError as e:
        print("RecursionError:", e)
print(add(2, 3))


# An exception raised inside a plain call from native code leaves everything usable.
def boom(x):
    if x == 2:
        raise ValueError("boom %d" % x)
    return x


try:
    list(map(boom, [1, 2, 3]))
except ValueError as e:
    print("ValueError:", e)
print(sorted([5, 3, 4], key=boom))


# Locals that hold objects are released when the frame returns.
class Tracked:
    alive = 0

    def __init__(self):
        Tracked.alive += 1

    def __del__(self):
        Tracked.alive -= 1


def hold(x):
    t = Tracked()
    u = [t, x]
    return len(u)


print(hold(1), list(map(hold, [1, 2])), Tracked.alive)
