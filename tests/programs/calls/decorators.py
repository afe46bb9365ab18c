# Decorators without functools: plain, with arguments, stacked, on classes.
def trace(func):
    def wrapper(*args, **kwargs):
        print("call", func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        print("ret", result)
        return result

    return wrapper


@trace
def add(a, b=0):
    return a + b


add(1, b=2)
print(add.__name__)


def repeat(n):
    def deco(func):
        def wrapper(*args):
            return [func(*args) for _ in range(n)]

        return wrapper

    return deco


@repeat(3)
def hello(name):
    return "hi " + name


print(hello("ann"))

order = []


def tag(label):
    def deco(func):
        order.append(label)
        return lambda: label + "(" + func() + ")"

    return deco


@tag("a")
@tag("b")
def base():
    return "x"


print(order, base())

