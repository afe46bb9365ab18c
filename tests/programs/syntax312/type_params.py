# expected-by-hand: CPython 3.11 cannot run Python 3.12 syntax; the expected output follows
# CPython 3.12's documented behaviour (PEP 695) and is not re-recorded by `cargo xtask bless`.
import typing
type Alias = list[int]
print(Alias, type(Alias).__name__, Alias.__value__, Alias.__type_params__, Alias.__module__)

type Pair[K, V] = dict[K, tuple[V, V]]
print(Pair, Pair.__type_params__, Pair.__value__)
print(Pair[str, int])

def first[T](items: list[T], default: T = None) -> T:
    return items[0] if items else default

print(first([3, 4]), first([], 9), first.__type_params__, first.__name__, first.__qualname__)
print(first.__annotations__)

def bounded[T: int, *Ts, **P](x: T) -> T:
    return x
print(bounded.__type_params__, [type(p).__name__ for p in bounded.__type_params__])
print(bounded.__type_params__[0].__bound__)

def constrained[S: (str, bytes)](s: S) -> S: return s
print(constrained.__type_params__[0].__constraints__)

class Box[T]:
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
    def __repr__(self):
        return f"Box({self.item!r})"

print(Box.__type_params__, Box.__mro__, Box.__qualname__)
print(Box(3), Box[int], Box.get.__qualname__)

class Later[T: Forward]:
    pass
class Forward: pass
print(Later.__type_params__[0].__bound__)

class Outer:
    class Inner[T]:
        def m[U](self, u: U) -> tuple[T, U]: ...
    def method[T](self): return T
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, Outer.Inner.m.__type_params__, Outer().method())
print(Outer.Inner.__orig_bases__, Outer.Inner.__parameters__)
def f[T](): return T
TV = f()
print(type(TV), isinstance(TV, typing.TypeVar), TV.__name__, TV.__bound__, TV.__constraints__, TV.__covariant__, TV.__infer_variance__)
type A = int
try:
    A[int]
except TypeError as e:
    print(e)
try:
    A.__value__ = 3
except AttributeError as e:
    print(e)
type Rec = list[Rec] | int
print(Rec.__value__)
class C[T](list):
    pass
print(C.__bases__, C.__type_params__)
try:
    exec("def dup[T, T](): pass")
except SyntaxError as e:
    print("SyntaxError", e.msg)
