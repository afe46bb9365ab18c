# Generators made by calls of every shape: defaults, *args, methods, closures, a
# function whose __code__ or __name__ changed, and the generator's own names.
import sys


def gen(a, b=10, *rest):
    yield a
    yield b
    yield rest


print(list(gen(1)), list(gen(1, 2)), list(gen(1, 2, 3, 4)))
try:
    gen()
except TypeError as e:
    print("TypeError", e)


class C:
    def items(self, n):
        for i in range(n):
            yield self, i

    @staticmethod
    def st(n):
        yield from range(n)

    @classmethod
    def cm(cls, n):
        yield cls.__name__, n


c = C()
print([i for _, i in c.items(3)], list(C.st(2)), list(c.cm(1)), list(C.items(c, 1))[0][1])


def named():
    yield 1


g = named()
print(g.__name__, g.__qualname__)
named.__name__ = "renamed"
named.__qualname__ = "Q.renamed"
g2 = named()
print(g.__name__, g2.__name__, g2.__qualname__, repr(g2).split(" at ")[0])
g2.__name__ = "own"
print(g2.__name__, named.__name__)
try:
    g2.__name__ = 5
except TypeError as e:
    print("TypeError", e)


def other():
    yield "other code"


named.__code__ = other.__code__
print(list(named()), named().gi_code.co_name)


def outer():
    x = [0]

    def inner(n):
        for i in range(n):
            x[0] += i
            yield x[0]

    return inner


f = outer()
print(list(f(4)), list(f(2)))
print(sys.getrefcount(gen) == sys.getrefcount(gen))
gens = [gen(i) for i in range(100)]
print(sum(next(x) for x in gens), len(gens))
g2.__qualname__ = "Own.q"
print(g2.__qualname__, repr(g2).split(" at ")[0])
for bad in (None, 3):
    try:
        g2.__qualname__ = bad
    except TypeError as e:
        print("TypeError", e)
try:
    del g2.__name__
except TypeError as e:
    print("TypeError", e)
try:
    g2.gi_running = True
except AttributeError as e:
    print("AttributeError", e)
try:
    g2.other = 1
except AttributeError as e:
    print("AttributeError", e)


async def co():
    pass


async def ag():
    yield 1


c = co()
c.__name__ = "coname"
a = ag()
a.__qualname__ = "agq"
print(c.__name__, a.__qualname__, repr(a).split(" at ")[0])
c.close()
