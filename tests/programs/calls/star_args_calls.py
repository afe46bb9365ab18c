# Calls with `*` arguments gathered from several iterables (`f(*a, *b)`), whose list the
# register loop hands straight to the callee, for every kind of callee.


def pair(a, b):
    return (a, b)


def with_default(a, b, c=30):
    return (a, b, c)


def varargs(a, *rest):
    return (a, rest)


def kwonly(a, *rest, k=1):
    return (a, rest, k)


def gen(*xs):
    yield from xs


class C:
    def __init__(self, *xs):
        self.xs = xs

    def m(self, a, b):
        return (self.xs, a, b)


class L(list):
    def __iter__(self):
        return iter([7, 8])


a, b = (1,), [2]
print(pair(*a, *b), with_default(*a, *b), with_default(*a, *b, *[3]))
print(varargs(*a, *b), varargs(*a, *b, *"xy"), kwonly(*a, *b), kwonly(*a, *b, k=5))
print(list(gen(*a, *b)), C(*a, *b).xs, C(0).m(*a, *b))
print(*a, *b, sep="-")
print(max(*a, *b), pair(*L([0]), *()))
print(pair(*a, *b, **{}), with_default(*a, *b, **{"c": 4}))
bound = C(9).m
print(bound(*a, *b))
lam = lambda *xs: sum(xs)
print(lam(*range(3), *[10, 20]))


def partial(f, *bound):
    def call(*rest):
        return f(*bound, *rest)

    return call


add3 = partial(lambda x, y, z: x + y + z, 1, 2)
print(add3(3), [add3(i) for i in range(3)])

# Wrong counts raise CPython's errors.
for args in ((1,), (1, 2, 3)):
    try:
        pair(*args[:1], *args[1:])
    except TypeError as e:
        print("TypeError", e)
try:
    pair(*a, *5)
except TypeError as e:
    print("TypeError", e)


# The callee changes the tuple it got, not the caller's iterables.
def keep(*xs):
    return xs


first, second = [1, 2], [3]
got = keep(*first, *second)
print(got, type(got).__name__, first, second)


# A callee that raises, through the call.
def boom(a, b):
    raise KeyError(a + b)


try:
    boom(*a, *b)
except KeyError as e:
    print("KeyError", e)
