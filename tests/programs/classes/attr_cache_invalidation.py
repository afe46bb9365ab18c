# Class attribute lookups are cached per class version: every way of changing what a name
# resolves to along the MRO must be seen by the next access.


class Base:
    x = "base-x"

    def method(self):
        return "base-method"


class Mid(Base):
    pass


class Leaf(Mid):
    def read(self):
        return self.x


leaf = Leaf()

# Warm the cache, through the same code each time (as a loop would).
for _ in range(3):
    print(leaf.read(), leaf.method())

# A class attribute changed after being cached, on the class itself and on a base.
Base.x = "base-x-2"
print(leaf.read())
Mid.x = "mid-x"
print(leaf.read())
Leaf.x = "leaf-x"
print(leaf.read())

# Deletes uncover the next class along the MRO, then the name is gone.
del Leaf.x
print(leaf.read())
del Mid.x
print(leaf.read())
del Base.x
try:
    leaf.read()
except AttributeError as e:
    print("AttributeError:", e)

# An absent name cached as absent, then added on a base.
try:
    leaf.later
except AttributeError as e:
    print("AttributeError:", e)
Base.later = 42
print(leaf.later)

# Methods replaced on a base after calls (both the call path and the plain load).
for _ in range(3):
    leaf.method()
Base.method = lambda self: "replaced-method"
print(leaf.method())
m = leaf.method
print(m())
Mid.method = lambda self: "mid-method"
print(leaf.method(), Base().method())

# An instance attribute shadows a non-data class attribute, but not a data descriptor
# added later.
leaf.y = "instance-y"
Base.y = "class-y"
print(leaf.y)
Base.y = property(lambda self: "property-y")
print(leaf.y)
del Base.y
print(leaf.y)


# __getattr__ added after a miss was cached, then removed.
class Lazy:
    pass


lazy = Lazy()
for _ in range(3):
    try:
        lazy.anything
    except AttributeError as e:
        print("AttributeError:", e)
Lazy.__getattr__ = lambda self, name: "computed-" + name
print(lazy.anything)
del Lazy.__getattr__
try:
    lazy.anything
except AttributeError as e:
    print("AttributeError:", e)


# Attributes looked up on the class itself, with a metaclass in between.
class Meta(type):
    tag = "meta-tag"


class WithMeta(metaclass=Meta):
    pass


def read_tag(cls):
    return cls.tag


for _ in range(3):
    print(read_tag(WithMeta))
WithMeta.tag = "class-tag"
print(read_tag(WithMeta))
del WithMeta.tag
print(read_tag(WithMeta))
Meta.tag = "meta-tag-2"
print(read_tag(WithMeta))
Meta.tag = property(lambda cls: "meta-property")
print(read_tag(WithMeta))
del Meta.tag
try:
    read_tag(WithMeta)
except AttributeError as e:
    print("AttributeError:", e)


# __init__ replaced after instances were made (instance creation caches its lookup).
class Point:
    def __init__(self, x):
        self.x = x


print([Point(i).x for i in range(3)])
Point.__init__ = lambda self, x: setattr(self, "x", x * 10)
print([Point(i).x for i in range(3)])


class SubPoint(Point):
    pass


print(SubPoint(4).x)
Point.__init__ = lambda self, x: setattr(self, "x", -x)
print(SubPoint(4).x)


# The same name through different str objects (built at run time).
key = "".join(["dyn", "amic"])
setattr(Base, key, "dynamic-1")
print(getattr(leaf, "dynamic"), getattr(leaf, key))
setattr(Base, "dynamic", "dynamic-2")
print(getattr(leaf, key), leaf.dynamic)

# Class attributes changed through setattr/delattr builtins and type.__setattr__.
setattr(Mid, "z", 1)
print(leaf.z)
type.__setattr__(Mid, "z", 2)
print(leaf.z)
delattr(Mid, "z")
print(hasattr(leaf, "z"))

# A class made by type() and changed through a function that mutates many classes.
Dyn = type("Dyn", (Leaf,), {"x": "dyn-x"})
d = Dyn()
print(d.read())
for cls in (Dyn, Leaf, Mid, Base):
    cls.x = cls.__name__ + "-again"
print(d.read(), leaf.read())


# Attribute hooks of a subclass's base, added and removed after accesses (the hooks a
# class's Python bases define are remembered per version too).
class Hooked:
    def __getattr__(self, name):
        return "hooked-" + name


class HookedSub(Hooked):
    pass


h = HookedSub()
h.real = "real"
for _ in range(3):
    print(h.real, h.missing)
Hooked.__getattribute__ = lambda self, name: "intercepted-" + name
print(h.real, h.missing)
del Hooked.__getattribute__
print(h.real, h.missing)
del Hooked.__getattr__
try:
    h.missing
except AttributeError as e:
    print("AttributeError:", e)
Hooked.__getattr__ = lambda self, name: "back-" + name
print(h.real, h.missing)
try:
    HookedSub.__bases__ = (object,)
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


HookedSub.__bases__ = (Plain,)
try:
    h.missing
except AttributeError as e:
    print("AttributeError:", e)
