# nonlocal across several nesting levels, and shared cells between closures.
def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "inner"

        inner()
        return x

    before = x
    result = middle()
    return before, result, x


print(outer())


def pair():
    value = 0

    def get():
        return value

    def put(v):
        nonlocal value
        value = v

    return get, put


get, put = pair()
print(get())
put(42)
print(get())
put([1, 2])
print(get())


def shadow():
    x = 1

    def f():
        x = 2  # local, not the outer x
        return x

    f()
    return x


print(shadow())
