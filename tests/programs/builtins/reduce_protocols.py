# __reduce_ex__ with protocols 0 and 1 through copyreg, pickling and copying plain instances and
# instances of builtin subclasses, as CPython 3.11.
import copy, pickle, copyreg
class P:
    def __init__(self): self.a = 1; self.b = [2]
class Sl:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
class L(list): pass
class D(dict): pass
class S(str): pass
class I(int): pass
class N:
    def __getstate__(self): return {'z': 9}
class G:
    def __getnewargs__(self): return (1,)
    def __new__(cls, *a): o = object.__new__(cls); o.args = a; return o
p = P()
for proto in (0, 1):
    r = p.__reduce_ex__(proto)
    print(proto, r[0].__name__, r[1][0].__name__, r[1][1].__name__, r[1][2], r[2])
    q = pickle.loads(pickle.dumps(p, proto)); print(type(q).__name__, q.a, q.b)
for obj in [Sl(), L([1, 2]), D(a=1), S('hi'), I(7), N(), G()]:
    for proto in (0, 1, 2):
        try:
            q = pickle.loads(pickle.dumps(obj, proto))
            print(type(obj).__name__, proto, type(q).__name__, getattr(q, '__dict__', None), getattr(q, 'x', None), q if isinstance(q, (list, dict, str, int)) else '')
        except Exception as e:
            print(type(obj).__name__, proto, type(e).__name__, e)
    c = copy.copy(obj); print('copy', type(c).__name__, getattr(c, '__dict__', None))
try:
    object().__reduce_ex__(0)
except TypeError as e:
    print('TypeError', e)
print(object().__reduce_ex__(2)[0].__name__)
for bad in [1j, 3]:
    try:
        print(type(bad).__name__, bad.__reduce_ex__(0))
    except TypeError as e:
        print('TypeError', e)
class NoNew:
    __slots__ = ('a',)
try:
    NoNew().__reduce_ex__(1)
except TypeError as e:
    print('TypeError', e)
print(copyreg._reconstructor(P, object, None).__class__.__name__)
