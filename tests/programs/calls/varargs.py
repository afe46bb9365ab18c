# *args collects extra positional arguments into a tuple.
def f(a, *args):
    return a, args, type(args).__name__


print(f(1))
print(f(1, 2, 3))
print(f(*[1, 2, 3, 4]))
print(f(*"xyz"))
print(f(*range(3), *(7, 8)))


def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s


print(total(), total(5), total(1, 2, 3, 4, 5))


def first_and_rest(*args):
    if not args:
        return None
    head, *tail = args
    return head, tail


print(first_and_rest())
print(first_and_rest(1, 2, 3))


def gen():
    yield 1
    yield 2


print(f(0, *gen()))
