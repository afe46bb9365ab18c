# `f(*args)` and `f(*a, *b)` (CALL_FUNCTION_EX) into Python functions: every way the
# arguments can bind, and what the fast path must leave to the general call.
import sys


def two(a, b):
    return (a, b)


def with_default(a, b=10, c=20):
    return (a, b, c)


def star(a, *rest):
    return (a, rest)


def only_star(*rest):
    return rest


def kwonly(a, *, k=5):
    return (a, k)


def kwargs(a, **kw):
    return (a, sorted(kw.items()))


def gen(*xs):
    yield from xs


class C:
    def __init__(self, x):
        self.x = x

    def method(self, a, b=2):
        return (self.x, a, b)


def partial(f, *bound):
    def call(*rest):
        return f(*bound, *rest)

    return call


t = (1, 2)
print(two(*t), two(*[3, 4]), two(*range(2)), two(*"ab"), two(1, *[2]))
print(with_default(*(1,)), with_default(*(1, 2)), with_default(*(1, 2, 3)))
print(star(*(1,)), star(*(1, 2, 3)), only_star(*()), only_star(*t), only_star(*t) is t)
print(kwonly(*(1,)), kwargs(*(1,)), kwargs(*(1,), **{"z": 1, "y": 2}))
print(list(gen(*t)), list(gen(*[])))
c = C(7)
print(c.method(*(1,)), c.method(*(1, 3)), C.method(*(c, 4)))
print(partial(two, 1)(2), partial(with_default)(1), partial(star, 1, 2)(3, 4), partial(C, 9)().x)
print(partial(lambda *a: a)(), partial(lambda *a: a, 1)(2, 3), partial(partial, two)(1)(2))


class T(tuple):
    def __iter__(self):
        return iter(("overridden", "iter"))


print(two(*T((1, 2))), only_star(*T((5, 6))))


class L(list):
    def __iter__(self):
        return iter([40, 50])


print(two(*L([1, 2])), [*(1, 2), *[3], *range(2)])
a = [1, 2]
b = [*a, *a]
b.append(3)
print(a, b, sys.getsizeof([*a, *a]) - sys.getsizeof([]), sys.getsizeof([*a, *(1, 2, 3)]) - sys.getsizeof([]))

print((*a, *b), (*a,), (*(), *[]), type((*a, *a)).__name__)


def gen_items():
    yield 1
    yield 2


print(two(*gen_items()), (*gen_items(), *a), [*gen_items(), *(9,)])
e = sys.getsizeof([])
print([sys.getsizeof([*x, *y]) - e for x in ((), (1,), [1, 2, 3], tuple(range(9))) for y in ([], (5,), list(range(7)))])


def errors():
    for call in (
        lambda: two(*(1,)),
        lambda: two(*(1, 2, 3)),
        lambda: two(*5),
        lambda: two(*None),
        lambda: kwonly(*(1, 2)),
        lambda: with_default(*()),
        lambda: C.method(*(c,)),
        lambda: c.method(*(1, 2, 3)),
        lambda: partial(two, 1, 2)(3),
        lambda: [*1],
        lambda: int.__call__(*t),
        lambda: star(*()),
    ):
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)


errors()


def deep(n, *rest):
    return n if n == 0 else deep(*(n - 1,), *rest)


print(deep(*(500,)))
limit = sys.getrecursionlimit()
try:
    deep(limit + 10)
except RecursionError as e:
    print("RecursionError:", e)

calls = []


def tracer(frame, event, arg):
    if event in ("call", "return"):
        calls.append((event, frame.f_code.co_name))
    return tracer


sys.settrace(tracer)
partial(two, 1)(2)
only_star(*t)
sys.settrace(None)
print(calls)
