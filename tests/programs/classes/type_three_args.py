# type(name, bases, ns) creates classes dynamically; type(x) gives the type.
def init(self, v):
    self.v = v


Base = type("Base", (), {"kind": "base", "__init__": init})
Derived = type("Derived", (Base,), {"double": lambda self: self.v * 2})
d = Derived(21)
print(d.double(), d.kind, type(d).__name__, Derived.__name__)
print([c.__name__ for c in Derived.__mro__])
print(type(d) is Derived, type(Derived) is type, type(type) is type)
print(type(1).__name__, type("s").__name__, type(None).__name__, type(int).__name__)
Empty = type("Empty", (), {})
print(Empty.__bases__[0].__name__, Empty.__qualname__)
try:
    type("X", 1, {})
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
