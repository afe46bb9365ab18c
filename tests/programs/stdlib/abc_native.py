# abc through its native helper _abc: abstract methods, registration (virtual
# subclasses, cycles), isinstance/issubclass with __subclasshook__ and the caches,
# cache tokens, collections.abc, and CPython's errors.
import abc, _abc, collections.abc as cabc, gc

class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
    def g(self): ...

class Half(Base):
    def f(self):
        return 1

class Full(Half):
    p = 3

print(sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__), sorted(Full.__abstractmethods__))
print(type(Base.__abstractmethods__).__name__, type(Base._abc_impl).__name__, type(Base._abc_impl).__module__)
for cls in (Base, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Full().f(), Full().p, isinstance(Full(), Base), issubclass(Full, Half), issubclass(int, Base))

class Plain:
    pass
token = abc.get_cache_token()
print(Base.register(Plain) is Plain, issubclass(Plain, Base), isinstance(Plain(), Base), abc.get_cache_token() == token + 1)
class SubPlain(Plain):
    pass
print(issubclass(SubPlain, Base), Base.register(Full) is Full, abc.get_cache_token() == token + 1)
try:
    Plain.register
except AttributeError as e:
    print("AttributeError", e)
class Cyc(abc.ABC):
    pass
class CycSub(Cyc):
    pass
try:
    CycSub.register(Cyc)
except RuntimeError as e:
    print("RuntimeError", e)
print(Cyc.register(Cyc) is Cyc, Cyc.register(CycSub) is CycSub)
try:
    Cyc.register(1)
except TypeError as e:
    print("TypeError", e)

class Hooked(abc.ABC):
    calls = 0
    @classmethod
    def __subclasshook__(cls, C):
        Hooked.calls += 1
        if cls is Hooked:
            return hasattr(C, 'quack') or NotImplemented
        return NotImplemented
class Duck:
    def quack(self): ...
print(issubclass(Duck, Hooked), issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked), issubclass(int, Hooked), Hooked.calls)
class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 'yes'
try:
    issubclass(int, Bad)
except AssertionError as e:
    print("AssertionError", e)
try:
    issubclass(1, Base)
except TypeError as e:
    print("TypeError", e)

registry, cache, negative, version = _abc._get_dump(Base)
print(sorted(r().__name__ for r in registry), sorted(r().__name__ for r in cache), type(version).__name__)
Base._abc_caches_clear()
print([len(s) for s in _abc._get_dump(Base)[:3]])
Base._abc_registry_clear()
print(issubclass(Plain, Base), [len(s) for s in _abc._get_dump(Base)[:3]])

print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator))
print(isinstance((x for x in []), cabc.Generator), issubclass(dict, cabc.MutableMapping), isinstance('', cabc.Hashable))
print(isinstance([], cabc.Hashable), issubclass(list, cabc.Reversible), isinstance(set(), cabc.Set), isinstance(b'', cabc.ByteString))
print('__abc_tpflags__' in cabc.Sequence.__dict__, '__abc_tpflags__' in cabc.Mapping.__dict__)
class MyMap(cabc.Mapping):
    def __getitem__(self, k): return k
    def __len__(self): return 0
    def __iter__(self): return iter(())
print(isinstance(MyMap(), cabc.Mapping), MyMap().get(3), dict(MyMap()))
class Temp:
    pass
cabc.Sized.register(Temp)
print(isinstance(Temp(), cabc.Sized), isinstance(Temp(), cabc.Container))

# A registered class does not stay alive because of the registry.
import weakref
class Gone:
    pass
Base.register(Gone)
w = weakref.ref(Gone)
print(issubclass(Gone, Base))
del Gone
gc.collect()
print(len(_abc._get_dump(Base)[0]) in (0, 1))

for f, args in [(_abc._abc_init, ()), (_abc._abc_register, (Base,)), (_abc.get_cache_token, (1,)),
                (_abc._abc_instancecheck, (1, 1)), (_abc._get_dump, (int,))]:
    try:
        f(*args)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class Wrong:
    _abc_impl = 5
try:
    _abc._get_dump(Wrong)
except TypeError as e:
    print(e)
print(repr(abc.ABCMeta), abc.ABCMeta.__module__, type(Base).__name__)
