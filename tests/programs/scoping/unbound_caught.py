# UnboundLocalError is a NameError; deleted locals and free variables.
x = 1


def f():
    print(x)
    x = 2


try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, isinstance(e, NameError), e)


def g():
    y = 1
    del y
    return y


try:
    g()
except UnboundLocalError as e:
    print(e)


def h():
    def inner():
        return z

    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 3
    return inner()


print(h())
