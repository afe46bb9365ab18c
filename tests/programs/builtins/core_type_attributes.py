# The attributes dir() lists on the core types behave as CPython 3.11's.
import sys
import types


class C:
    pass


class S:
    __slots__ = ("a", "b")


class W:
    __slots__ = ("a", "__weakref__")


class I(int):
    pass


class L(list):
    pass


for T in [object, type, int, bool, str, bytes, tuple, list, dict, float, C, S, W, I, L, BaseException, OSError, types.FunctionType]:
    print(T.__name__, T.__basicsize__, T.__itemsize__, T.__dictoffset__, T.__weakrefoffset__)
print(type.__text_signature__, C.__text_signature__)
for target in [type, C, int]:
    try:
        print(target.__abstractmethods__)
    except AttributeError as e:
        print("AttributeError", e)
C.__abstractmethods__ = frozenset({"f"})
print(sorted(C.__abstractmethods__))
try:
    C()
except TypeError as e:
    print("TypeError", e)
del C.__abstractmethods__
print(type(C()).__name__)
try:
    del C.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)
try:
    int.__abstractmethods__ = frozenset()
except TypeError as e:
    print("TypeError", e)
print(type.__instancecheck__(int, 3), type.__instancecheck__(int, "x"), type.__subclasscheck__(object, bool))
try:
    type.__subclasscheck__(int, 3)
except TypeError as e:
    print("TypeError", e)
print(type.__prepare__("X", (), a=1), type(type.__dict__["__prepare__"]).__name__)
print(type.__dict__["__name__"].__get__(int), type.__dict__["__mro__"].__get__(bool))
print(type.__module__, C.__module__, int.__module__, types.SimpleNamespace.__module__)
# Descriptors of the descriptor types.
for d in [type.__dict__["__name__"], type.__dict__["__mro__"], S.__dict__["a"], list.append, object.__init__, dict.__dict__["fromkeys"]]:
    print(type(d).__name__, d.__name__, d.__qualname__, d.__objclass__.__name__)
print([].__len__.__name__, [].__len__.__qualname__, [].__len__.__self__, [].__len__.__objclass__.__name__)
print(list.__len__.__get__([1, 2])(), list.append.__get__([1])(2), list.append.__get__(None, list) is list.append)
try:
    list.append.__get__("x")
except TypeError as e:
    print("TypeError", e)
print(len.__module__, len.__name__, len.__qualname__)
# Cells, methods, modules.
def outer():
    x = 1

    def inner():
        return x

    return inner


cell = outer().__closure__[0]
print(cell.cell_contents)
cell.cell_contents = 5
print(cell.cell_contents, outer().__closure__[0].cell_contents)
del cell.cell_contents
try:
    cell.cell_contents
except ValueError as e:
    print("ValueError", e)
m = types.ModuleType("m")
print(m.__annotations__, "__annotations__" in m.__dict__)
m.__annotations__ = {"a": int}
print(m.__annotations__)
del m.__annotations__
try:
    del m.__annotations__
except AttributeError as e:
    print("AttributeError", e)
print(type(m).__dict__["__dict__"].__get__(m) is m.__dict__)


class P:
    @property
    def x(self):
        return 1

    y = property()


p = P()
print(P.x.fget.__name__, P.x.fset, P.x.fdel, P.x.__isabstractmethod__)
for action in [lambda: setattr(p, "x", 1), lambda: delattr(p, "x"), lambda: p.y, lambda: setattr(p, "y", 2)]:
    try:
        action()
    except AttributeError as e:
        print("AttributeError", e)
free = property()
try:
    free.__get__(p)
except AttributeError as e:
    print("AttributeError", e)
free.__set_name__(P, "late")
try:
    free.__get__(p)
except AttributeError as e:
    print("AttributeError", e)
try:
    P.x.fget = None
except AttributeError as e:
    print("AttributeError", e)
def plain():
    pass


cm = classmethod(plain)
sm = staticmethod(plain)
cm.extra = 1
print(cm.__func__ is plain, sm.__wrapped__ is plain, cm.__isabstractmethod__, cm.__dict__, sm.__dict__)


class Base:
    def f(self):
        return "base"


class Derived(Base):
    def f(self):
        return super()


s = Derived().f()
print(s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__, s.__get__(1) is s)
# NotImplemented in a boolean context warns.
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(bool(NotImplemented), NotImplemented.__bool__())
print([(w.category.__name__, str(w.message)) for w in caught])
