# pickle and copy of the core types: the __reduce__ of set, frozenset, range, slice, bytearray,
# builtin functions and the singletons; builtin types' __new__ bound to the type and
# type.__flags__, which copyreg reads.
import pickle, copy
def t(label, f):
    try: print(label, repr(f())[:150])
    except Exception as e: print(label, type(e).__name__, e)
objs = [1, -2**100, 1.5, float('inf'), 1+2j, 'é', b'x', bytearray(b'ab'), [1, [2]], (1, (2,)), {'a': {1: 2}}, {1, 2}, frozenset({3}), range(1, 10, 2), slice(1, 2, 3), None, True, Ellipsis, NotImplemented, int, len, type(None)]
for o in objs:
    for proto in (0, 2, 4, 5):
        t('pickle %r p%d' % (o, proto), lambda: pickle.loads(pickle.dumps(o, proto)) == o or repr(pickle.loads(pickle.dumps(o, proto))))
    t('copy %r' % (o,), lambda: copy.copy(o) == o)
    t('deepcopy %r' % (o,), lambda: copy.deepcopy(o) == o)
t('reduce bytearray', lambda: bytearray(b'abc').__reduce__())
t('reduce_ex bytearray', lambda: bytearray(b'abc').__reduce_ex__(2))
t('reduce_ex set', lambda: {1}.__reduce_ex__(2))
t('reduce_ex range', lambda: range(3).__reduce_ex__(2))
t('reduce_ex slice', lambda: slice(1).__reduce_ex__(2))
t('reduce_ex frozenset', lambda: frozenset({1}).__reduce_ex__(2))
t('reduce_ex object', lambda: object().__reduce_ex__(2)[0].__name__)
t('pickle mappingproxy', lambda: pickle.dumps(type.__dict__))
t('pickle dict keys', lambda: pickle.dumps({}.keys()))
t('copy dict keys', lambda: copy.copy({1: 2}.keys()))
class P:
    def __init__(self): self.a = [1]
t('pickle instance', lambda: pickle.loads(pickle.dumps(P())).a)
t('deepcopy instance', lambda: copy.deepcopy(P()).a)
t('getstate', lambda: P().__getstate__())
t('getstate object', lambda: object().__getstate__())
t('reduce object', lambda: object().__reduce__()[1])
t('new self', lambda: (int.__new__.__self__ is int, type(int.__new__).__name__, int.__new__.__qualname__, object.__new__.__self__ is object))
t('flags heap', lambda: (bool(P.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 24)), bool(bool.__flags__ & (1 << 24))))
import abc, inspect
class Abstract(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
class Concrete(Abstract):
    def f(self): return 1
t('isabstract', lambda: (inspect.isabstract(Abstract), inspect.isabstract(Concrete)))
t('bytearray reduce_ex 3', lambda: (bytearray(b'ab').__reduce_ex__(3), bytearray().__reduce_ex__(4), bytearray().__reduce__()))
t('builtin method reduce', lambda: ([].append.__reduce__()[1], dict.fromkeys.__reduce__()[1], len.__reduce__()))
t('pickle bound method', lambda: pickle.loads(pickle.dumps([1, 2].count))(2))
class S(set):
    pass
s = S([1]); s.tag = 'x'
t('pickle set subclass', lambda: (lambda r: (type(r).__name__, sorted(r), r.tag))(pickle.loads(pickle.dumps(s))))
