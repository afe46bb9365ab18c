# Python functions called from native code (sort keys, max/min keys, map, filter) and
# from each other, with every shape the fast paths must decline or get right.
import sys

items = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]

# Plain key functions.
print(sorted(items, key=lambda kv: kv[1]))
print(max(items, key=lambda kv: (kv[0], kv[1])), min(items, key=lambda kv: kv[1]))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(lambda x: x % 2, range(7))))


# Defaults, keyword-only parameters, *args and **kwargs as key functions.
def with_default(kv, scale=10):
    return kv[0] * scale


def kwonly(kv, *, neg=True):
    return -kv[0] if neg else kv[0]


def star(*args):
    return args[0][1]


def starstar(kv, **kw):
    return (kw.get("x", 0), kv[1])


print(sorted(items, key=with_default), sorted(items, key=kwonly), sorted(items, key=star))
print(sorted(items, key=starstar))


# Closures and cells in a key function.
def make_key(offset):
    seen = []

    def key(kv):
        seen.append(kv[1])
        return (kv[0] + offset) % 3

    return key, seen


key, seen = make_key(1)
print(sorted(items, key=key), seen)


# A key function's __code__ and __defaults__ replaced between calls.
def k1(kv):
    return kv[0]


def k2(kv):
    return kv[1]


print(max(items, key=k1))
k1.__code__ = k2.__code__
print(max(items, key=k1))


def kd(kv, n=0):
    return kv[0] * n


print(sorted(items, key=kd))
kd.__defaults__ = (-1,)
print(sorted(items, key=kd))


# Exceptions raised in a key function propagate through the native caller.
def bad(kv):
    if kv[1] == "b":
        raise ValueError("bad key " + kv[1])
    return kv[0]


for f in (sorted, max, min):
    try:
        f(items, key=bad)
    except ValueError as e:
        print(f.__name__, "raised", e)


# A key function that catches an exception of its own and returns.
def careful(kv):
    try:
        return 1 // (kv[0] - 1)
    except ZeroDivisionError:
        return -100


print(sorted(items, key=careful))


# Bound methods, classes and generator functions called from native code.
class K:
    def __init__(self, bias):
        self.bias = bias

    def key(self, kv):
        return kv[0] * self.bias


print(sorted(items, key=K(-1).key), [k.bias for k in map(K, [1, 2])])


def gen(kv):
    yield kv[0]


print([next(g) for g in map(gen, items)])


# The frame of a key function, seen by sys._getframe, and its caller.
seen_frames = []


def framed(kv):
    f = sys._getframe()
    seen_frames.append((f.f_code.co_name, f.f_back.f_code.co_name if f.f_back else None))
    return kv[0]


def outer():
    return max(items, key=framed)


print(outer(), seen_frames[0], len(seen_frames))


# A key function calling further Python functions, and recursion through native code.
def depth(n):
    return 0 if n == 0 else 1 + max(map(depth, [n - 1]))


print(depth(30))


def inner_sum(kv):
    return sum(map(lambda x: x * kv[0], range(3)))


print(sorted(items, key=inner_sum))

# Recursion through a key function hits the recursion limit as RecursionError.
limit = sys.getrecursionlimit()
sys.setrecursionlimit(200)


def runaway(x):
    return max([x], key=runaway)


try:
    runaway(1)
except RecursionError as e:
    print("RecursionError", str(e)[:40])
sys.setrecursionlimit(limit)
print(max([5, 3, 9], key=lambda v: -v))
