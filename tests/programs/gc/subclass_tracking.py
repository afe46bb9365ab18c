# gc.is_tracked as CPython 3.11: instances of every subclass of a builtin are containers (their
# __dict__ can reach anything), and cycles through them are collected.
import gc
import weakref
class S(str): pass
class S0(str): __slots__ = ()
class I(int): pass
class I0(int): __slots__ = ()
class F(float): pass
class B(bytes): pass
class BA(bytearray): pass
class C(complex): pass
class T(tuple): pass
class L(list): pass
class R: pass
class R0: __slots__ = ()
class Ra: __slots__ = ('a',)
class FS(frozenset): pass
class E(Exception): pass
for v in [S('a'), S0('a'), I(1), I0(1), F(1.0), B(b'x'), BA(b'x'), C(1j), T(), L(), R(), R0(), Ra(), FS(), E(), 'a', 1, 1.0, b'', bytearray(), (), (1,), [], {1: []}, set(), frozenset(), object(), range(3), slice(1), 1j, len, [].append, lambda: 0, iter([]), type, R, gc]:
    print(type(v).__name__, gc.is_tracked(v))




gc.collect()
for cls, arg in [(S, 'a'), (I, 5), (B, b'x'), (F, 1.5)]:
    o = cls(arg)
    o.me = o
    r = weakref.ref(o) if cls is not I and cls is not B else None
    del o
    print(cls.__name__, gc.collect(), r() if r else None)
s = S('x'); s.a = [s]; del s; print(gc.collect())
print(gc.is_tracked(object()), gc.is_tracked(S('q')))
l = [S('a') for _ in range(1000)]
before = len(gc.get_objects())
del l
print(len(gc.get_objects()) - before <= 0)
