# Specialized attribute loads and stores, `is None` tests and int compare-and-branch in
# the register loop: every site runs long enough to specialize, then meets what its
# guards must catch.


def load_loop(objs, n):
    out = []
    for i in range(n):
        o = objs[i % len(objs)]
        out.append(o.x)
    return out


# The class attribute appears after specialization: an instance value still wins.
class A:
    def __init__(self, x):
        self.x = x


objs = [A(1), A(2)]
print(load_loop(objs, 200)[-4:])
A.x = "class"
print(load_loop(objs, 4))
# A data descriptor (property) appears on the class: it now shadows the inline value.
A.x = property(lambda self: "prop")
print(load_loop(objs, 4))
del A.x
print(load_loop(objs, 4))


# Subclass instances at the same site, with another layout (y first).
class B(A):
    def __init__(self, x):
        self.y = 0
        self.x = x


class C(A):
    pass


mixed = [A(1), B(2), C(3), A(4)]
print(sum(load_loop(mixed, 400)))
# A subclass gains a property after the site learnt it.
B.x = property(lambda self: -100)
print(load_loop(mixed, 8))
del B.x


# `__slots__` instances at a site that learnt plain instances.
class S:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


print(load_loop([A(5), S(6)], 6))
print(load_loop([S(7)], 200)[-2:])


# `__getattr__` answers only for a missing attribute; `__getattribute__` for all.
class G(A):
    def __getattr__(self, name):
        return "getattr " + name


g = G(8)
print(load_loop([A(1), g], 6))
del g.x
print(load_loop([g], 3))


class GA(A):
    def __getattribute__(self, name):
        return "getattribute " + name


print(load_loop([A(1), GA(9)], 4))

# The instance dict replaced or the attribute deleted after specialization.
objs = [A(1), A(2)]
load_loop(objs, 200)
objs[0].__dict__ = {"x": "new dict"}
print(load_loop(objs, 4))
del objs[1].x
try:
    load_loop(objs, 4)
except AttributeError as e:
    print("AttributeError:", e)
objs[1].x = "back"
print(load_loop(objs, 2))
vars(objs[1])["x"] = "via vars"
print(load_loop(objs, 2))


# Method form of an instance attribute (a callable stored on the instance).
class H:
    def __init__(self):
        self.f = lambda: "inst f"

    def g(self):
        return "method g"


def call_loop(objs, n):
    out = []
    for i in range(n):
        out.append(objs[i % len(objs)].f())
    return out


hs = [H(), H()]
print(call_loop(hs, 100)[-1])
H.f = property(lambda self: (lambda: "prop f"))
print(call_loop(hs, 2))
del H.f
hs[0].f = hs[0].g
print(call_loop(hs, 2))


# Stores: specialized, then a data descriptor, `__setattr__`, slots, subclasses.
def store_loop(objs, n):
    for i in range(n):
        objs[i % len(objs)].x = i
    return [vars(o) if hasattr(o, "__dict__") else o.x for o in objs]


print(store_loop([A(0), A(0)], 200))
log = []
A.x = property(lambda self: "prop", lambda self, v: log.append(v))
print(store_loop([A(0)], 3), log)
del A.x


class SA(A):
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


print(store_loop([A(0), SA(0), B(0), C(0)], 8))
print(store_loop([A(0), S(0)], 4))
a = A(0)
store_loop([a], 200)
a.__dict__ = {"other": 1}
print(store_loop([a], 2))


# `is None` / `is not None` on all kinds of values, in branches and as values.
class Falsy:
    def __bool__(self):
        return False


def none_tests(values):
    out = []
    for v in values:
        out.append((v is None, v is not None, None is v))
        if v is None:
            out.append("none")
        elif v is not None:
            out.append("some")
    return out


vals = [None, 0, False, "", Falsy(), 1.5, [], None]
print(none_tests(vals * 30)[-10:])


# int compares before a branch, and not before one; big ints, floats, mixed.
def cmp_loop(pairs):
    out = []
    for a, b in pairs:
        if a < b:
            out.append("lt")
        if a >= b:
            out.append("ge")
        if not a == b:
            out.append("ne")
        out.append(a <= b)
        out.append(a != b)
    return out


pairs = [(1, 2), (2, 1), (3, 3), (-5, 5), (2**70, 1), (1.5, 1), (1, 1.0), (-(2**63), 2**63 - 1)]
print(cmp_loop(pairs * 20)[-20:])
try:
    cmp_loop([(1, 2)] * 100 + [(1, "x")])
except TypeError as e:
    print("TypeError:", e)


# Attribute names past the 128th of a function: the loads carry EXTENDED_ARG.
class Wide:
    def __init__(self, k):
        self.x = k
        self.y = -k


src = "def wide(objs, n):\n    if n < 0:\n"
src += "".join("        g%d\n" % i for i in range(140))
src += "    t = 0\n    for i in range(n):\n        o = objs[i % len(objs)]\n"
src += "        t += o.x - o.y\n        o.y = o.y - 1\n"
src += "    return t\n"
ns = {}
exec(src, ns)
w1, w2 = Wide(1), Wide(2)
print(ns["wide"]([w1, w2], 100), w1.y, w2.y)
Wide.x = property(lambda self: 1000)
print(ns["wide"]([w1, w2], 4))
del Wide.x
print(ns["wide"]([Wide(5)], 100))
