# return in a generator stops iteration; values after return are never produced.
def until(items, stop):
    for item in items:
        if item == stop:
            return "stopped at " + repr(item)
        yield item
    return "ran out"


print(list(until([1, 2, 3, 4], 3)))
g = until("abc", "z")
for x in g:
    print(x)
try:
    next(g)
except StopIteration as e:
    print(e.value)


def wrapper():
    r = yield from until([5, 6], 6)
    print("inner returned:", r)


print(list(wrapper()))


def gen_with_finally():
    try:
        yield 1
        return
    finally:
        print("finally after return")


print(list(gen_with_finally()))
