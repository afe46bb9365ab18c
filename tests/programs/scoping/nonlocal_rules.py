# nonlocal binds the nearest enclosing function scope, skipping class scopes.
def outer():
    v = "outer"

    class Inner:
        v = "class"

        def change(self):
            nonlocal v
            v = "changed by method"

    Inner().change()
    return v, Inner.v


print(outer())


def levels():
    a = 1

    def mid():
        a = 2

        def inner():
            nonlocal a
            a += 10
            return a

        return inner(), a

    return mid(), a


print(levels())


def gen_counter():
    n = 0

    def tick():
        nonlocal n
        n += 1
        yield n

    return tick, lambda: n


tick, peek = gen_counter()
print(next(tick()), next(tick()), peek())
