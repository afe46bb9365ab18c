# Method calls at sites that see instances of several classes (LOAD_ATTR_METHOD keeps up
# to four): overrides, methods added, replaced or deleted after the site specialized,
# instance attributes shadowing methods, `__slots__`, properties, `__getattr__`,
# `__class__` assignment, and more classes than the cache holds.


class Base:
    def kind(self):
        return "base"

    def shared(self):
        return "shared:" + type(self).__name__


class A(Base):
    def kind(self):
        return "a"


class B(Base):
    def kind(self):
        return "b"


class C(Base):
    pass


class D(C):
    def kind(self):
        return "d"


class E(Base):
    def kind(self):
        return "e"


class F(E):
    pass


def tally(objs, rounds):
    seen = {}
    for _ in range(rounds):
        for o in objs:
            k = o.kind() + "/" + o.shared()
            seen[k] = seen.get(k, 0) + 1
    return sorted(seen.items())


objs = [A(), B(), C(), D()]
print(tally(objs, 100))
# More classes than the site keeps.
print(tally([A(), B(), C(), D(), E(), F(), Base()], 60))

# A method added to a subclass after the site specialized overrides the base's.
objs = [A(), B(), C(), D()]
out = []
for i in range(300):
    if i == 150:
        C.kind = lambda self: "c-added"
    out.append(objs[i % 4].kind())
print(out[140:160])
# ... and deleted again.
del C.kind
print([o.kind() for o in objs])
# The base's method replaced: every subclass that inherits it sees the new one.
out = []
for i in range(300):
    if i == 100:
        Base.shared = lambda self: "new-shared"
    out.append(objs[i % 4].shared())
print(out[95:105], out[-1])


# An instance attribute shadowing the method, on one instance of one class.
class P:
    def go(self):
        return "P.go"


class Q(P):
    pass


class R(P):
    def go(self):
        return "R.go"


ps = [P(), Q(), R(), Q()]
out = []
for i in range(400):
    if i == 200:
        ps[1].go = lambda: "own"
    if i == 300:
        ps[2].__dict__["go"] = lambda: "own-dict"
    out.append(ps[i % 4].go())
print(out[196:204], out[-4:])
del ps[1].go
print([p.go() for p in ps[:2]])


# Instances whose attributes moved to a dict (asked for `__dict__`), at a hot site.
class S(P):
    def go(self):
        return "S.go"


ss = [S(), S(), P(), Q()]
for s in ss:
    s.x = 1
    vars(s)
out = []
for i in range(200):
    if i == 100:
        vars(ss[1])["go"] = lambda: "shadow"
    out.append(ss[i % 4].go())
print(out[96:104])


# `__slots__` classes, and a property that takes a method's place.
class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class Slotted2(Slotted):
    __slots__ = ()

    def get(self):
        return -self.v


class Prop(Slotted):
    __slots__ = ()

    @property
    def get(self):
        return lambda: "property"


items = [Slotted(1), Slotted2(2), Slotted(3)]
print(sum(items[i % 3].get() for i in range(300)))
items.append(Prop(4))
print([o.get() for o in items])


# `__getattr__` is not consulted for a method found on the class, and answers when the
# method is deleted.
class G:
    def m(self):
        return "G.m"

    def __getattr__(self, name):
        return lambda: "getattr:" + name


class H(G):
    pass


gs = [G(), H()]
out = []
for i in range(200):
    if i == 120:
        del G.m
    out.append(gs[i % 2].m())
print(out[118:124])


# `__class__` assignment moves an instance to another class mid-loop.
class X:
    def who(self):
        return "X"


class Y:
    def who(self):
        return "Y"


xs = [X(), X()]
out = []
for i in range(200):
    if i == 100:
        xs[0].__class__ = Y
    out.append(xs[i % 2].who())
print(out[98:104])


# Builtin methods at a site that also sees a subclass overriding them.
class MyList(list):
    def append(self, x):
        super().append(x * 10)


class MyStr(str):
    def upper(self):
        return "my-upper"


lists = [[], MyList(), []]
for i in range(90):
    lists[i % 3].append(i)
print([sum(x) for x in lists], [len(x) for x in lists])
strs = ["ab", MyStr("cd"), "ef"]
print([strs[i % 3].upper() for i in range(9)])
