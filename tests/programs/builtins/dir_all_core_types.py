# Every name dir() lists for each core type (dunders included), as CPython 3.11 lists them.
import sys
import types


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


class C:
    def m(self):
        pass


def outer():
    x = 1

    def inner():
        return x

    return inner


co = coro()
cell = outer().__closure__[0]
d = {1: 2}
core = [
    object, type, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict,
    type(d.keys()), type(d.values()), type(d.items()), set, frozenset, range, slice,
    memoryview, type(outer), type(C().m), type(len), property, classmethod, staticmethod,
    super, type(sys), type(outer.__code__), type(cell), type(sys._getframe()), type(gen()),
    type(co), type(agen()), type(co.__await__()), type(None), type(NotImplemented),
    type(...), BaseException, types.TracebackType,
]
iterators = [
    iter([]), iter(()), iter(""), iter(b""), iter(bytearray()), iter(d), iter(d.values()),
    iter(d.items()), iter(set()), iter(range(1)), iter(range(2**70)), reversed([]),
    reversed(d), reversed(d.values()), reversed(d.items()), reversed(range(1)),
    iter(lambda: 1, 1), iter(memoryview(b"")), enumerate([]), zip(), map(len, []),
    filter(None, []), reversed("ab"),
]
descriptors = [
    type(list.append), type(object.__init__), type([].__len__), type(dict.fromkeys),
    type(int.__dict__["real"]), type(type.__dict__["__dict__"]), type(types.FunctionType.__dict__["__globals__"]),
]
co.close()
for T in core + [type(i) for i in iterators] + descriptors:
    print(T.__name__, sorted(dir(T)))
