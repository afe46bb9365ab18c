# Returning a true value from __exit__ suppresses the exception.
class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressing", exc_type.__name__, exc)
            self.caught = exc
            return True
        return False


with Suppress(ZeroDivisionError) as s:
    1 / 0
    print("not reached")
print("after with", type(s.caught).__name__)

try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)


class Truthy:
    def __enter__(self):
        pass

    def __exit__(self, *a):
        return "yes"


with Truthy():
    raise ValueError
print("truthy string suppresses too")


def in_function():
    with Suppress(ValueError):
        raise ValueError("gone")
    return "function continued"


print(in_function())
