# throw() and close() are forwarded through yield from to the innermost generator.
def inner():
    try:
        while True:
            try:
                yield "inner"
            except ValueError as e:
                print("inner handled", e)
    finally:
        print("inner finally")


def outer():
    try:
        result = yield from inner()
        print("never", result)
    except KeyError as e:
        print("outer caught", repr(e))
        yield "outer recovered"
    finally:
        print("outer finally")


g = outer()
print(next(g))
print(g.throw(ValueError("v")))
print(g.throw(KeyError("k")))
g.close()
print("---")
g = outer()
next(g)
g.close()
print("closed", next(g, "exhausted"))
