# aiter/anext (with and without a default, and their errors), id, the builtins constants and
# names, and the comparison dunders called directly on the core types (NotImplemented for foreign operands).


class Counter:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def agen():
    yield 1
    yield 2


async def main():
    it = aiter(Counter(2))
    print(await anext(it), await anext(it), await anext(it, "done"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    g = agen()
    print(aiter(g) is g, await anext(g), await anext(g), await anext(g, None))
    for bad in [1, [1], Counter]:
        try:
            aiter(bad)
        except TypeError as e:
            print("TypeError", e)
        try:
            anext(bad)
        except TypeError as e:
            print("TypeError", e)
    try:
        aiter()
    except TypeError as e:
        print("TypeError", e)
    try:
        anext(g, 1, 2)
    except TypeError as e:
        print("TypeError", e)


def run(coroutine):
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value


run(main())
a, b = [], []
print(id(a) == id(a), id(a) != id(b), type(id(a)).__name__, id(None) == id(None))
try:
    id()
except TypeError as e:
    print("TypeError", e)
values = [1, 2.5, 3j, "s", b"b", bytearray(b"b"), [1], (1,), {1: 2}, {1: 2}.keys(), {1}, frozenset({1}), range(2), slice(1), memoryview(b"m")]
for v in values:
    row = []
    for name in ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]:
        row.append(getattr(v, name)(v))
        row.append(getattr(v, name)(object()))
    print(type(v).__name__, row)
print((1).__ne__(1.0), (2.5).__ge__(2), "a".__ge__("b"), [1].__ge__([0]), (1,).__ne__((1, 2)), {1}.__ge__(frozenset()), b"a".__ge__(bytearray(b"a")))
import builtins
print(getattr(builtins, "True"), getattr(builtins, "False"), getattr(builtins, "None"), builtins.__debug__, repr(builtins.__package__), getattr(builtins, "Ellipsis"), builtins.NotImplemented)
print(sorted(n for n in dir(builtins) if n not in ("__loader__", "__spec__", "copyright", "credits", "help", "license")))
