# One attribute-load site seeing instances of several classes (inline values at different
# positions, a property, __getattr__, a class attribute, __class__ reassigned, a deleted value).
class Base:
    def get(self):
        return self.x, self.y
class A(Base):
    def __init__(self):
        self.x = 1; self.y = 2
class B(Base):
    def __init__(self):
        self.y = 3; self.x = 4
class C(Base):
    x = property(lambda self: "prop")
    def __init__(self):
        self.y = 5
class D(Base):
    def __init__(self):
        self.y = 6
    def __getattr__(self, name):
        return "dyn-" + name
class E(Base):
    x = "class-x"
    def __init__(self):
        self.y = 7
objs = [A(), B(), C(), D(), E(), A(), B()]
for _ in range(3):
    print([o.get() for o in objs])
a = A()
a.__class__ = B
print(a.get(), a.__dict__)
b = B()
del b.x
try:
    b.get()
except AttributeError as e:
    print("AttributeError", e)

# A method call site seeing several classes, one instance shadowing the method.
class Shape:
    def describe(self):
        return self.kind() + ":" + str(self.size())
class Sq(Shape):
    def kind(self):
        return "square"
    def size(self):
        return 4
class Tri(Shape):
    def kind(self):
        return "triangle"
    def size(self):
        return 3
class Odd(Shape):
    kind = staticmethod(lambda: "odd")
    def size(self):
        return 0
shadow = Sq()
shadow.kind = lambda: "shadowed"
shapes = [Sq(), Tri(), Odd(), shadow, Tri()]
for _ in range(3):
    print([s.describe() for s in shapes])
