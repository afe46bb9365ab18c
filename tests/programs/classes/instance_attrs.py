# Instance attributes: inline values behind shared keys, and the dict made on demand.
import copy

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x + self.y

# Insertion order is per instance, whatever order the class's first instance used.
p = P(1, 2)
q = P(3, 4)
q.z = 5
r = P(6, 7)
del r.x
r.x = 8
s = P(9, 10)
s.z = 11
del s.y
s.w = 12
s.y = 13
for obj in (p, q, r, s):
    print(vars(obj))

# The dict, once asked for, is the storage: each side sees the other's writes.
t = P(1, 2)
d = t.__dict__
t.extra = "via attribute"
d["more"] = "via dict"
print(d, t.more, t.__dict__ is d, vars(t) is d)
del d["x"]
try:
    t.x
except AttributeError as e:
    print("AttributeError:", e)
del t.y
print(d)

# Non-str keys and str subclasses in the dict.
class Name(str):
    pass

u = P(1, 2)
setattr(u, Name("sub"), "subclass name")
u.__dict__[42] = "int key"
print(u.sub, vars(u))
v = P(1, 2)
v.__dict__.update({"a": 1, "b": 2})
print(v.a, v.b, list(vars(v)))

# Assigning and deleting __dict__.
class MyDict(dict):
    pass

w = P(1, 2)
w.__dict__ = MyDict(k="v")
print(type(w.__dict__).__name__, w.k, hasattr(w, "x"))
try:
    w.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
del w.__dict__
print(vars(w))
w.again = 1
print(vars(w))

# Errors.
x = P(1, 2)
for name in ("nope", "x"):
    try:
        delattr(x, name)
        print("deleted", name)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    x.nope
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(x, "nope", "default"), hasattr(x, "y"), hasattr(x, "x"))

# More names than the shared keys hold.
many = P(0, 0)
for i in range(40):
    setattr(many, "attr%d" % i, i)
print(len(vars(many)), many.attr39, list(vars(many))[:4])
other = P(5, 6)
other.attr0 = "shared"
print(vars(other))

# An instance attribute shadows a method until deleted (in a loop, so the attribute
# caches specialize and must notice).
m = P(1, 2)
results = []
for i in range(300):
    if i == 100:
        m.norm = lambda: "shadowed"
    if i == 200:
        del m.norm
    results.append(m.norm())
print(results[99], results[100], results[199], results[200])

# A data descriptor added to the class later wins over the instance value.
class Q:
    def __init__(self):
        self.v = 1

qs = [Q() for _ in range(10)]
seen = []
for i in range(300):
    if i == 150:
        Q.v = property(lambda self: "property")
    seen.append(qs[i % 10].v)
print(seen[149], seen[150])

# __class__ assignment keeps the attributes.
class A:
    pass

class B:
    def hello(self):
        return "B says " + self.msg

a = A()
a.msg = "hi"
a.__class__ = B
print(a.hello(), vars(a))

# __slots__ next to a __dict__.
class S:
    __slots__ = ("a", "__dict__")

o = S()
o.a = 1
o.b = 2
print(o.a, o.b, vars(o))

class T(S):
    pass

t2 = T()
t2.a = 3
t2.c = 4
print(t2.a, vars(t2), sorted(k for k in T.__dict__ if k.startswith("__") and k.endswith("__")))

# Copies and pickles.
c1 = copy.copy(P(1, 2))
c2 = copy.deepcopy(q)
c3 = copy.copy(s)
print(vars(c1), vars(c2), vars(c3))
empty = P.__new__(P)
print(empty.__reduce_ex__(2)[2], vars(empty))

# The class's __dict__ shows the instance descriptors.
print(sorted(k for k in P.__dict__ if k.startswith("__")))
print(P.__dict__["__dict__"], P.__dict__["__weakref__"])
print(P.__dict__["__dict__"].__get__(p) == vars(p))
import weakref
ref = weakref.ref(p)
print(p.__weakref__ is ref, P(0, 0).__weakref__)
