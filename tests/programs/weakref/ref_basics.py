# weakref.ref: calling, identity reuse, equality and hashing, __callback__, dead refs,
# getweakrefcount/getweakrefs order, subclasses (as weakref.py's KeyedRef), reprs.
import _weakref
from _weakref import ref, getweakrefcount, getweakrefs


class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x

    def __hash__(self):
        return hash(self.x)


print(_weakref.ref is _weakref.ReferenceType, ref.__name__, ref.__module__)
p = Point(1)
q = Point(1)
r = ref(p)
print(r() is p, ref(p) is r, ref(p, None) is r, type(r).__name__)
print("count", getweakrefcount(p), getweakrefcount(1), getweakrefs(1))
rq = ref(q)
print("eq while alive", r == rq, r != rq, r == 1, r.__eq__(1))
print("hash", hash(r) == hash(1), hash(r) == hash(p))


def cb(w):
    pass


r1 = ref(p, cb)
r2 = ref(p, cb)
print("callback refs are new", r1 is not r2, r1.__callback__ is cb, r.__callback__)
order = getweakrefs(p)
print("list order: basic first, then newest first", order[0] is r, order[1] is r2, order[2] is r1)
print("count", getweakrefcount(p))


class KeyedRef(ref):
    __slots__ = ("key",)

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


k = KeyedRef(p, cb, "the key")
print("subclass", type(k).__name__, k.key, k() is p, isinstance(k, ref), k is not r)
plain_sub = KeyedRef(p, None, 1)
print("subclass without callback is new", plain_sub is not r)

text = repr(r)
print(text.startswith("<weakref at 0x"), "; to 'Point' at 0x" in text)


def named():
    pass


print("(named)>" in repr(ref(named)))
hr = ref(q)
hash(hr)
del p, q
print("dead", r(), r1(), k(), r == r1, r == r, rq == hr, rq is hr)
print("dead hash kept", hash(hr) == hash(1))
try:
    hash(r)
except TypeError as e:
    print("TypeError:", e)
print(repr(r).endswith("; dead>"))
try:
    r(1)
except TypeError as e:
    print("TypeError:", e)
try:
    r < r
except TypeError as e:
    print("TypeError:", e)
try:
    ref()
except TypeError as e:
    print("TypeError:", e)
try:
    ref(Point(2), None, 3)
except TypeError as e:
    print("TypeError:", e)

d = {"gone": r, "alive": ref(named)}
_weakref._remove_dead_weakref(d, "gone")
_weakref._remove_dead_weakref(d, "alive")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
try:
    _weakref._remove_dead_weakref({"x": 1}, "x")
except TypeError as e:
    print("TypeError:", e)
