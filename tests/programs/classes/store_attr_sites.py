# Attribute stores at hot sites (STORE_ATTR_INSTANCE_VALUE done in the register loop):
# a data descriptor or `__setattr__` appearing after the site specialized, instances
# whose attributes moved to a dict, deleted attributes, `__slots__`, and subclasses.


class Point:
    def __init__(self, x):
        self.x = x
        self.y = 0


def bump(points, rounds):
    for _ in range(rounds):
        for p in points:
            p.y = p.y + p.x
    return [p.y for p in points]


pts = [Point(1), Point(2), Point(3)]
print(bump(pts, 100))

# A property with a setter added to the class afterwards takes the stores.
log = []


def set_y(self, v):
    log.append(v)
    self.__dict__["y"] = v * 2


Point.y = property(lambda self: self.__dict__["y"], set_y)
print(bump(pts, 2), log)
del Point.y

# `__setattr__` added to the class afterwards.
pts = [Point(1), Point(2)]
bump(pts, 100)
calls = []


def setattr_hook(self, name, value):
    calls.append(name)
    object.__setattr__(self, name, value)


Point.__setattr__ = setattr_hook
print(bump(pts, 2), calls)
del Point.__setattr__

# Attributes in a dict (after `__dict__` was asked for, or assigned), and deleted ones.
pts = [Point(1), Point(2), Point(3)]
for i in range(300):
    p = pts[i % 3]
    if i == 100:
        vars(pts[1])
    if i == 200:
        pts[2].__dict__ = {"x": 30, "y": 0}
    p.y = p.y + p.x
print([vars(p) for p in pts])
del pts[0].y
pts[0].z = 5
pts[0].y = 7
print(vars(pts[0]), list(vars(pts[0])))


# Subclasses at one store site.
class P3(Point):
    def __init__(self, x):
        self.z = 0
        super().__init__(x)


mixed = [Point(1), P3(2), Point(3), P3(4)]
print(bump(mixed, 50), [list(vars(p)) for p in mixed])


# `__slots__`: stores go to the slots; a missing slot name is an AttributeError.
class Slots:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 0


s = Slots()
for i in range(200):
    s.a = s.a + i
print(s.a)
try:
    for i in range(3):
        s.c = i
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(s, "b"))
s.b = 1
print(s.b)


# A class attribute of the same name is shadowed by the stores, not changed.
class WithDefault:
    y = "class"


ws = [WithDefault() for _ in range(3)]
for i in range(100):
    ws[i % 3].y = i
print([w.y for w in ws], WithDefault.y)


# The value replaced by a store is released (its finalizer runs) at once.
class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


holder = Point(0)
for i in range(3):
    holder.y = Noisy(i)
holder.y = None
print("end")
