# Class decorators and decorators that return a different kind of object.
registry = {}


def register(cls):
    registry[cls.__name__] = cls
    cls.registered = True
    return cls


@register
class Thing:
    pass


@register
class Other(Thing):
    pass


print(sorted(registry), Thing.registered, Other.registered)


def to_constant(func):
    return func()


@to_constant
def answer():
    return 42


print(answer, type(answer).__name__)


def counted(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)

    wrapper.calls = 0
    return wrapper


@counted
def square(x):
    return x * x


print(square(3), square(4), square.calls)
print((lambda f: f)(print) is print)
