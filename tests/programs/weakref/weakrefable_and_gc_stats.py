# Which objects can be weakly referenced (CPython's __weakrefoffset__ rule: not instances of
# int/tuple subclasses or __slots__ classes without __weakref__), gc.get_stats, and more gc/weakref basics.
import gc, weakref, sys
class A: pass
a = A(); b = A(); a.b = b
print(sorted(type(x).__name__ for x in gc.get_referents(a)))
print(a in [r for r in gc.get_referrers(b) if type(r) is A] or any(isinstance(r, dict) for r in gc.get_referrers(b)))
print(gc.is_tracked([]), gc.is_tracked((1, 2)), gc.is_tracked(([],)), gc.is_tracked(A), gc.is_tracked(a))
r = weakref.ref(a); p = weakref.proxy(a)
print(weakref.getweakrefcount(a), len(weakref.getweakrefs(a)), r() is a, type(p).__name__)
print(repr(r).startswith("<weakref at"), hash(weakref.ref(A)) == hash(A))
for v in [1, "s", (), [], {}, None, 1.5, b"", object()]:
    try:
        weakref.ref(v); print(type(v).__name__, "ok")
    except TypeError as e:
        print(type(v).__name__, e)
class S(str): pass
class T(tuple): pass
class I(int): pass
for v in [S("a"), T(), I(1), A, len, lambda: 0, iter([]), set(), frozenset(), range(1), sys]:
    try:
        weakref.ref(v); print(type(v).__name__, "ok")
    except TypeError as e:
        print(type(v).__name__, e)
print(sorted(dir(weakref.ref(a)))[:5], weakref.ref.__name__, weakref.ReferenceType is weakref.ref)
d = weakref.WeakValueDictionary(); d[1] = A(); print(len(d))
k = weakref.WeakKeyDictionary(); x = A(); k[x] = 1; del x; print(len(k))
f = weakref.finalize(A(), print, "finalized"); print(f.alive)
gc.collect()
print(gc.get_stats()[0].keys() if hasattr(gc, "get_stats") else None, gc.get_threshold(), gc.isenabled())
print(gc.collect(0), gc.collect(1), gc.collect(2))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError", e)
print(type(gc.garbage).__name__, gc.callbacks, gc.get_freeze_count())
class W:
    __slots__ = ()
try:
    weakref.ref(W())
except TypeError as e:
    print(e)
wr = weakref.ref(a, lambda r: print("cb", r is wr))
del a
print("after del")
m = weakref.WeakMethod(b.__init__) if hasattr(b, "__init__") else None
class M:
    def f(self): pass
mm = M(); wm = weakref.WeakMethod(mm.f); print(wm() is not None); del mm; print(wm())
