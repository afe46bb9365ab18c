# A `self.x` site in a base-class method that sees instances of many subclasses, then
# sees classes changed under it: a property added later, an attribute deleted, a class
# attribute shadowed by an instance value, __slots__ and __dict__-less classes.


class Base:
    def __init__(self, n):
        self.n = n
        self.tag = type(self).__name__

    def get(self):
        return self.n

    def label(self):
        return self.tag


class A(Base):
    pass


class B(Base):
    def __init__(self, n):
        self.extra = 1
        super().__init__(n)


class C(Base):
    pass


class D(Base):
    pass


class E(Base):
    pass


objs = [cls(i) for i, cls in enumerate([A, B, C, D, E, A, B])]
for _ in range(3):
    print([o.get() for o in objs], [o.label() for o in objs])

# A property on one subclass now takes precedence over its instances' values.
C.n = property(lambda self: -100)
print([o.get() for o in objs])

# Removing it brings the instance values back.
del C.n
print([o.get() for o in objs])

# An instance whose value is deleted raises AttributeError at the shared site.
b = B(7)
del b.n
try:
    b.get()
except AttributeError as e:
    print("AttributeError:", e)

# A class attribute of the same name, then an instance value shadowing it.
class F(Base):
    n = "class"

    def __init__(self):
        pass

f = F()
print(f.get())
f.n = "own"
print(f.get())
print([o.get() for o in objs + [f]])
