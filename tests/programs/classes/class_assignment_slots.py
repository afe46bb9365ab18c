# obj.__class__ = C, and __slots__ listing a name twice (as datetime's classes do).
class A:
    def hello(self):
        return "A"


class B:
    def hello(self):
        return "B"


a = A()
a.x = 1
print(a.hello())
a.__class__ = B
print(type(a).__name__, a.__class__.__name__, a.x, a.hello(), isinstance(a, B))
for bad in [int, 3]:
    try:
        a.__class__ = bad
    except TypeError as e:
        print(e)


class S:
    __slots__ = ("q",)


try:
    a.__class__ = S
except TypeError as e:
    print(e)


class L(list):
    pass


try:
    L().__class__ = A
except TypeError as e:
    print(e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(e)
try:
    del a.__class__
except TypeError as e:
    print(e)


class D:
    __slots__ = ("_a", "_h")


class T:
    __slots__ = ("_b", "_h")


class DT(D):
    __slots__ = D.__slots__ + T.__slots__


dt = DT()
dt._h = 5
print(dt._h, sorted(n for n in DT.__dict__ if n.startswith("_") and not n.startswith("__")))
try:

    class Bad:
        __slots__ = ("x",)
        x = 1

except ValueError as e:
    print(e)
