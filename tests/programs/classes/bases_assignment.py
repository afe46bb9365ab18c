# Assigning __bases__: the MROs of the class and its subclasses, the subclass lists and
# cached attribute lookups all follow; CPython's errors for what cannot be assigned.
class A:
    def who(self): return "A"
    x = "A.x"
class B:
    def who(self): return "B"
    x = "B.x"
class C(A): pass
class D(C): pass
d = D()
for _ in range(3): print(d.who(), d.x)
C.__bases__ = (B,)
print(d.who(), d.x, D.__mro__, C.__bases__, A.__subclasses__(), B.__subclasses__())
C.__bases__ = (A, B)
print(d.who(), d.x, D.__mro__)
for bad in [(), [A], (1,), (D,), (C,), (int,), (A, A)]:
    try:
        C.__bases__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del C.__bases__
except TypeError as e:
    print("TypeError:", e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print("TypeError:", e)
class X(A, B): pass
try:
    A.__bases__ = (X,)
except TypeError as e:
    print("TypeError:", e)
class P: pass
class Q(P): pass
class R(P): pass
class S(Q, R): pass
try:
    Q.__bases__ = (R, P) 
    print(S.__mro__)
except TypeError as e:
    print("TypeError:", e)
print(C.__dict__.get("__bases__"))
print(D.__mro__)


# Layout compatibility: Python classes only replace Python classes, builtin layouts match.
class A3:
    pass


class B3(A3):
    pass


class C3:
    pass


class S3:
    __slots__ = ("q",)


for cls, new in [(C3, (A3,)), (B3, (object,)), (B3, (C3,)), (C3, (S3,)), (B3, (A3, C3)), (C3, (int,))]:
    try:
        cls.__bases__ = new
        print("ok", cls.__mro__)
    except TypeError as e:
        print("TypeError:", e)
