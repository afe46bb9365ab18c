# match statements and collections.abc: Sequence and Mapping subclasses and registered
# classes match as sequences/mappings (the flags _abc sets from __abc_tpflags__ and
# propagates on register), builtins keep theirs, and old-style sequences unpack.
from collections.abc import Sequence, Mapping, MutableMapping
import collections
class M: pass
class X(M, Sequence):
    def __getitem__(self, i): return [1,2][i]
    def __len__(self): return 2
class Y(Sequence):
    def __getitem__(self, i): return [1,2][i]
    def __len__(self): return 2
class Z:
    def __getitem__(self, i): return [1,2][i]
    def __len__(self): return 2
Sequence.register(Z)
class W(Z): pass
class D(dict): pass
class L(list, M): pass
class MM(MutableMapping):
    def __init__(self): self.d = {'k': 1}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
class Both(Z): pass
Mapping.register(Both)
def m(v):
    match v:
        case [a, b]: return 'seq'
        case {'k': _}: return 'map'
        case _: return 'no'
for v in [X(), Y(), Z(), W(), D(k=1), L([1,2]), collections.deque([1,2]), memoryview(b'ab'), collections.OrderedDict(k=1),
          collections.UserList([1,2]), collections.UserDict(k=1), 'ab', range(2), MM(), collections.defaultdict(int, k=1), b'ab', bytearray(b'ab')]:
    print(type(v).__name__, m(v))
Sequence.register(str)
print(m('ab'))
class Old:
    def __getitem__(self, i): return "xy"[i]
a, b = Old(); print(a, b)
print('__abc_tpflags__' in Sequence.__dict__, '__abc_tpflags__' in Mapping.__dict__)
