# __slots__ members: set, read, delete, inherit, copy.
import copy


class Base:
    __slots__ = ("a", "b")


class Child(Base):
    __slots__ = ("c",)


class Open(Child):
    pass


x = Child()
x.a = 1
x.c = 3
print(x.a, x.c, hasattr(x, "b"))
for name in ("b", "a"):
    try:
        delattr(x, name)
        print("deleted", name)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    x.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    x.d = 4
except AttributeError as e:
    print("AttributeError:", e)
x.a = "again"
print(x.a, Base.a.__get__(x), type(Base.__dict__["a"]).__name__)

o = Open()
o.a = 1
o.extra = 2
print(o.a, vars(o), sorted(k for k in Open.__dict__ if k.startswith("__")))

y = copy.copy(x)
print(y.a, y.c, hasattr(y, "b"))
z = copy.copy(o)
print(z.a, vars(z))
print(x.__getstate__(), o.__getstate__())

class Many:
    __slots__ = tuple("s%d" % i for i in range(50))


m = Many()
for i in range(50):
    setattr(m, "s%d" % i, i * i)
print(sum(getattr(m, "s%d" % i) for i in range(50)), m.s49)
del m.s10
print(hasattr(m, "s10"), m.s11)
