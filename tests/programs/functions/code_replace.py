# code.replace() and assigning a function's __code__.
def f(a, b=2):
    return a + b


def g(a, b=2):
    return a * b


co = f.__code__
renamed = co.replace(co_name="renamed", co_qualname="Q.renamed")
print(renamed.co_name, renamed.co_qualname, co.co_name)
print(renamed.co_varnames, renamed.co_argcount, renamed.co_flags == co.co_flags)
print(co.replace(co_firstlineno=99).co_firstlineno)
print(co.replace(co_varnames=("x", "y")).co_varnames)

f.__code__ = g.__code__
print(f(3), f(3, 5), f.__name__)


def outer():
    v = 10

    def inner():
        return v

    return inner


for bad in [
    lambda: co.replace(1),
    lambda: co.replace(co_foo=1),
    lambda: co.replace(co_flags="x"),
    lambda: co.replace(co_names=(1,)),
    lambda: co.replace(co_name=3),
    lambda: setattr(f, "__code__", 5),
    lambda: setattr(f, "__code__", outer().__code__),
]:
    try:
        bad()
    except (TypeError, ValueError, SystemError) as e:
        print(type(e).__name__, e)

h = outer()
h.__code__ = outer().__code__
print(h())


# A generator's code flagged as an iterable coroutine can be awaited.
def gen():
    yield 1
    return "done"


gen.__code__ = gen.__code__.replace(co_flags=gen.__code__.co_flags | 0x100)


async def main():
    return await gen()


c = main()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
