# Attribute caches (specialized LOAD_ATTR/STORE_ATTR) stay right while instances change
# layout, methods get shadowed, finalizers appear, and dicts get assigned.
class A:
    pass
a1 = A()
def fin(self): print("fin", self.n)
A.__del__ = fin
a2 = A(); a2.n = 2
del a2
print("after a2")
del A.__del__
a3 = A(); a3.n = 3
del a3
print("after a3")
# method shadowing via inline attribute in a hot loop
class B:
    def m(self): return "method"
bs = [B() for _ in range(5)]
out = []
for i in range(400):
    b = bs[i % 5]
    if i == 250:
        bs[2].m = lambda: "attr"
    out.append(b.m())
print(out.count("method"), out.count("attr"))
# attribute load across materialization in a hot loop
class C:
    def __init__(self): self.v = 1
cs = [C() for _ in range(4)]
tot = 0
for i in range(400):
    c = cs[i % 4]
    if i == 200:
        cs[1].__dict__["v"] = 10
    if i == 300:
        cs[2].__dict__ = {"v": 100}
    tot += c.v
print(tot)
# store specialization with mixed inline/dict instances
for i in range(400):
    c = cs[i % 4]
    c.v = i
print([c.v for c in cs], [vars(c) for c in cs])
# many classes, instance attr then class attr
class D:
    x = "class"
d = D()
r = []
for i in range(300):
    if i == 100: d.x = "inst"
    if i == 200: del d.x
    r.append(d.x)
print(r[99], r[100], r[199], r[200])
