# yield from delegates iteration and evaluates to the subgenerator's return value.
def inner(tag):
    yield tag + "1"
    yield tag + "2"
    return tag.upper()


def outer():
    a = yield from inner("a")
    b = yield from inner("b")
    yield from [a, b]
    c = yield from range(2)
    return (a, b, c)


g = outer()
print(list(g))
g = outer()
try:
    while True:
        next(g)
except StopIteration as e:
    print("result", e.value)


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
