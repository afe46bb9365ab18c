# Closures through the register loop's fast paths: free variables copied from the
# closure, cells read and written, loop variables, nonlocal, replaced code and closures,
# calls through `f(*args)` with bound and extra arguments.


def adders():
    out = []
    for i in range(3):
        out.append(lambda x: x + i)
    return [f(10) for f in out]


print(adders())


def adders_bound():
    return [(lambda i: lambda x: x + i)(i) for i in range(3)]


print([f(10) for f in adders_bound()])


def counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count

    def peek():
        return count

    return bump, peek


bump, peek = counter()
for _ in range(3):
    bump()
bump(10)
print(peek(), bump.__closure__[0].cell_contents)


def unbound_free():
    def inner():
        return later

    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    later = 5
    return inner()


print(unbound_free())


def unbound_cell():
    def set_it():
        nonlocal value
        value = 1

    try:
        print(value)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    set_it()
    return value
    value = 0  # never runs: makes `value` a cell of this function


print(unbound_cell())


def deleted_cell():
    x = 1

    def inner():
        return x

    del x
    try:
        inner()
    except NameError as e:
        print("NameError:", e)


deleted_cell()


def partial(f, *bound):
    def call(*rest):
        return f(*bound, *rest)

    return call


def three(a, b, c=30):
    return (a, b, c)


p1 = partial(three, 1)
print(p1(2), p1(2, 3))
p2 = partial(three, 1, 2, 3)
print(p2())
try:
    p2(4)
except TypeError as e:
    print("TypeError:", e)
try:
    partial(three)()
except TypeError as e:
    print("TypeError:", e)


class Tup(tuple):
    def __iter__(self):
        return iter((9, 9))


print(three(*Tup((1, 2))))
print(three(*[5, 6]))


def method_partial():
    class A:
        def m(self, x, y=0):
            return ("m", x, y)

    a = A()
    print(partial(a.m, 1)(), partial(a.m)(2, 3))


method_partial()


def compose(f, g):
    return lambda x: f(g(x))


inc = partial(lambda a, b: a + b, 1)
f = compose(inc, compose(inc, inc))
print([f(i) for i in range(4)])


def make_pair():
    a = "a"

    def first():
        return a

    def second():
        return a + a

    return first, second


first, second = make_pair()
print(first(), second())


def make_other():
    b = "b"

    def other():
        return b * 3

    return other


other = make_other()
first.__code__ = other.__code__
print(first())
try:
    first.__code__ = (lambda: 0).__code__
except ValueError as e:
    print("ValueError:", e)


def shared_cells():
    fs = []
    for i in range(3):
        def g(i=i):
            nonlocal total
            total += i
            return total

        fs.append(g)
    total = 100
    return [g() for g in fs]


print(shared_cells())


def recurse_varargs(*args):
    return recurse_varargs(*args, 1)


try:
    recurse_varargs()
except RecursionError as e:
    print("RecursionError:", e)
