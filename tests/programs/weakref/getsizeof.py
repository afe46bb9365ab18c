# sys.getsizeof: CPython 3.11's (64-bit) sizes for the core types.
import sys

g = sys.getsizeof
print("ints", [g(x) for x in [0, 1, -1, 2**30 - 1, 2**30, 2**60, 2**90, -(2**100), 10**100]])
print("bool/None/float", g(True), g(False), g(None), g(1.5), g(float("nan")))
print("str", [g(s) for s in ["", "a", "ab", "a" * 100, "é", "éé", "ā", "āā", "😀", "😀😀", "a😀"]])
print("tuple", [g(t) for t in [(), (1,), (1, 2, 3), tuple(range(10))]])
print("list literal", [g(l) for l in [[], [1], [1, 2, 3]]])
l = []
growth = []
for i in range(17):
    growth.append(g(l))
    l.append(i)
print("list growth up to 16", growth)
print("dict", [g(d) for d in [{}, {1: 2}, {"a": 1}, dict.fromkeys(range(5))]])
d = {}
out = []
for i in range(30):
    out.append(g(d))
    d[i] = i
print("dict growth", out)
d = {}
out = []
for i in range(12):
    out.append(g(d))
    d[str(i)] = i
print("str-keyed dict growth", out)
print("set", [g(s) for s in [set(), {1}, set(range(5)), set(range(100)), frozenset(), frozenset(range(5))]])


class A:
    pass


class B:
    __slots__ = ("a", "b")


class C:
    def __sizeof__(self):
        return 100


class D(list):
    pass


class E:
    def __sizeof__(self):
        return -1


class F:
    def __sizeof__(self):
        return "x"


def f():
    pass


print("instances", g(A()), g(B()), g(C()), g(D()), g(object()))
a = A()
a.x = 1
print("instance with attribute", g(a))
print("function", g(f), g(lambda: 0))
print("default", g(C(), 5), g(F(), 7))
print("range", g(range(3)))
try:
    g(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    g(E())
except ValueError as e:
    print("ValueError:", e)
try:
    g(F())
except TypeError as e:
    print("TypeError:", e)
try:
    g()
except TypeError as e:
    print("TypeError:", e)
