# StopIteration escaping a generator body becomes RuntimeError (PEP 479).
def bad():
    yield 1
    next(iter([]))
    yield 2


g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__)
print(next(g, "done"))


def explicit():
    yield "a"
    raise StopIteration("value")


try:
    print(list(explicit()))
except RuntimeError as e:
    print(e, repr(e.__cause__))


def fine():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside"


print(list(fine()))
