# Python functions called from native code (map, filter, sorted, min/max, reduce) and
# generators resumed by native consumers (sum, max, list): results, errors raised inside
# them with their traceback's function names, re-entry, and the recursion limit.
import functools
import sys


def tb_names(e):
    names = []
    tb = e.__traceback__
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return names


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e, tb_names(e))


xs = list(range(12))
show("map", lambda: list(map(lambda x: x * x, xs)))
show("filter", lambda: list(filter(lambda x: x % 3 == 0, xs)))
show("sorted key", lambda: sorted(xs, key=lambda x: (x % 4, -x)))
show("min key", lambda: min(xs, key=lambda x: abs(x - 5.4)))
show("max key", lambda: max(xs, key=lambda x: -abs(x - 7)))
show("reduce", lambda: functools.reduce(lambda a, b: a * 10 + b, xs[:6]))
show("map two", lambda: list(map(lambda a, b: a - b, xs, reversed(xs))))


def boom(x):
    if x == 7:
        raise KeyError(x)
    return x


def raises_deep(x):
    return boom(x) + 1


show("map raises", lambda: list(map(raises_deep, xs)))
show("filter raises", lambda: list(filter(lambda x: boom(x) > 100, xs)))
show("sorted raises", lambda: sorted(xs, key=raises_deep))
show("min raises", lambda: min(xs, key=boom))
show("reduce raises", lambda: functools.reduce(lambda a, b: boom(b) + a, xs))
show("lambda divides", lambda: list(map(lambda x: 10 // (x - 3), xs)))

# A key function that re-enters sorted (and a generator inside it).
show("nested sorted", lambda: sorted([[3, 1, 2], [0], [5, 4]], key=lambda l: sorted(l)[-1]))
show("nested sum", lambda: sorted(xs[:6], key=lambda x: -sum(i for i in range(x))))
show("sorted in map", lambda: list(map(lambda n: sorted(range(n), key=lambda v: -v), range(4))))


def gen(n):
    for i in range(n):
        yield i


def gen_raises(n):
    for i in range(n):
        if i == 3:
            raise ValueError("gen failed at", i)
        yield i


def gen_stop(n):
    yield 1
    raise StopIteration("inside")


def gen_returns():
    yield 5
    return 99


show("sum gen", lambda: sum(gen(100)))
show("max genexpr", lambda: max(x * 7 % 11 for x in range(30)))
show("min genexpr", lambda: min(x * 7 % 11 for x in range(1, 30)))
show("sum raises", lambda: sum(gen_raises(10)))
show("max raises", lambda: max(gen_raises(10)))
show("sum StopIteration", lambda: sum(gen_stop(3)))
show("list returns", lambda: list(gen_returns()))
show("sum returns", lambda: sum(gen_returns(), 1))
show("sum floats", lambda: sum((x / 2 for x in range(5)), 0.5))
show("sum mixed", lambda: sum(gen(3), [] if False else 10))
show("sum objects", lambda: sum(([i] for i in range(3)), []))
show("sum type error", lambda: sum(x if x < 2 else "s" for x in range(4)))
show("sorted gen", lambda: sorted(gen(5), key=lambda x: -x))
show("map over gen", lambda: list(map(lambda x: x + 1, gen(4))))

g = gen(5)
next(g)
g.close()
show("sum closed", lambda: sum(g))

g = gen(5)
show("sum partly used", lambda: (next(g), next(g), sum(g)))
show("sum exhausted", lambda: sum(g))


def reentrant():
    yield sum(me)


me = reentrant()
show("already executing", lambda: next(me))
show("after executing error", lambda: list(me))


def self_sum():
    yield 1
    yield max(x for x in me2)


me2 = self_sum()
show("self in genexpr", lambda: list(me2))

# Deep recursion through native calls reaches the recursion limit.
sys.setrecursionlimit(200)


def down(n):
    return list(map(down, [n + 1]))


try:
    down(0)
except RecursionError as e:
    print("recursion", type(e).__name__, str(e).split(" while")[0])


def down_sorted(n):
    return sorted([n], key=lambda v: down_sorted(v + 1))


try:
    down_sorted(0)
except RecursionError as e:
    print("recursion sorted", type(e).__name__)


def down_gen(n):
    yield sum(down_gen(n + 1))


try:
    sum(down_gen(0))
except RecursionError as e:
    print("recursion gen", type(e).__name__)
sys.setrecursionlimit(1000)
print("after recursion", sum(map(lambda x: x, range(10))), max(gen(4)))
