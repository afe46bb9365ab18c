# An exception thrown into a generator that does not handle it escapes.
def gen():
    try:
        yield 1
    finally:
        print("generator finally")
    yield 2


g = gen()
print(next(g))
g.throw(IndexError("thrown in"))
