# sum() over generators: errors raised inside, items whose __add__ runs Python code
# (resuming other generators, or the same one), start values, exhausted generators.
import sys


def numbers(n):
    for i in range(n):
        yield i


print(sum(numbers(10)), sum(numbers(10), 100), sum(numbers(0)), sum(numbers(0), 7))
print(sum(x * 0.5 for x in range(5)), sum(x for x in [2**62, 2**62, 2**62]))
print(sum((x for x in range(3)), 0.25))

g = numbers(3)
print(sum(g), sum(g), list(g))


def failing():
    yield 1
    yield 2
    raise KeyError("inside")


try:
    sum(failing())
except KeyError as e:
    print("KeyError", e)


def stopper():
    yield 1
    raise StopIteration


try:
    sum(stopper())
except RuntimeError as e:
    print("RuntimeError", e)


class Acc:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        # Runs Python code that sums another generator while the outer one is suspended.
        inner = sum(numbers(other))
        return Acc(self.v + inner)

    def __radd__(self, other):
        return Acc(other + self.v)


r = sum(numbers(5), Acc(0))
print(r.v)


class Reenter:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        # The generator is suspended here (sum adds after it yields): next() advances it.
        print("next gave", next(shared, "end"))
        return Reenter(self.v + other)


def sharing():
    for i in range(3):
        yield i


shared = sharing()
print(sum(shared, Reenter(0)).v)


# An error in __add__ leaves the generator suspended, resumable later.
class Bad:
    def __add__(self, other):
        if other == 2:
            raise ZeroDivisionError("at 2")
        return self


src = numbers(5)
try:
    sum(src, Bad())
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, list(src))


# The generator's own exception state while sum resumes it from inside an except block.
def reporting():
    yield repr(sys.exc_info()[1])
    try:
        raise OSError("own")
    except OSError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


class Cat:
    def __init__(self, s):
        self.s = s

    def __add__(self, other):
        return Cat(self.s + [other])


try:
    raise LookupError("outer")
except LookupError:
    print(sum(reporting(), Cat([])).s)
print(sum(reporting(), Cat([])).s)


# Deep recursion through sum() of generators that sum generators.
def nested(n):
    if n:
        yield sum(nested(n - 1)) + 1
    else:
        yield 0


print(sum(nested(30)))
old = sys.getrecursionlimit()
sys.setrecursionlimit(100)
try:
    sum(nested(500))
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)
print(sum(nested(10)))
