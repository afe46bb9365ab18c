# Which objects can be weakly referenced, and CPython's error for the others.
import _weakref
import sys


class Plain:
    pass


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class ListSub(list):
    pass


def function():
    pass


class WithMethod:
    def method(self):
        pass


def gen():
    yield 1


candidates = [
    ("int", 1), ("bool", True), ("float", 1.5), ("None", None), ("str", "text"),
    ("tuple", (1,)), ("list", [1]), ("dict", {}), ("object", object()), ("range", range(2)),
    ("slotted", Slotted()), ("iterator", iter([])), ("exception", Exception()),
    ("instance", Plain()), ("slotted with __weakref__", SlottedWeak()), ("list subclass", ListSub()),
    ("function", function), ("class", Plain), ("type", type), ("set", {1}), ("frozenset", frozenset()),
    ("generator", gen()), ("code", function.__code__), ("module", sys), ("builtin", len),
    ("bound method", WithMethod().method),
]
for name, obj in candidates:
    try:
        _weakref.ref(obj)
        print(name, "ok")
    except TypeError as e:
        print(name, "TypeError:", e)
try:
    _weakref.proxy(5)
except TypeError as e:
    print("proxy TypeError:", e)
print(_weakref.getweakrefcount("text"), _weakref.getweakrefs(None))
_weakref.ref([])
