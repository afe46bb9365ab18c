# Generator and coroutine functions called positionally: the generator is made where the
# call is (defaults, *args, methods, closures, wrong counts, keywords, recursion).


def count(n, step=1):
    i = 0
    while i < n:
        yield i
        i += step


def spread(first, *rest):
    yield first
    yield from rest


class Box:
    def __init__(self, items):
        self.items = items

    def each(self, scale=1):
        for item in self.items:
            yield item * scale


def outer(k):
    def inner(n):
        for i in range(n):
            yield i + k
    return inner


def tree(depth):
    if depth == 0:
        yield 0
        return
    yield depth
    yield from tree(depth - 1)


print(list(count(5)), list(count(10, 3)))
print(list(spread(1)), list(spread(1, 2, 3)))
box = Box([1, 2, 3])
print(list(box.each()), list(box.each(10)), list(Box.each(box, 2)))
print(list(outer(100)(3)))
print(sum(tree(20)))
g = count(3)
print(type(g).__name__, g.__name__, g.gi_frame.f_locals)
for bad in [lambda: count(), lambda: count(1, 2, 3)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(list(count(n=4, step=2)))


async def coro(x):
    return x * 2


c = coro(21)
try:
    c.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)
