# What gc.collect() counts depends on the layout of instances, as in CPython 3.11: plain
# instances keep their attributes inline (no dict object), so two of them in a cycle are
# two objects; each dict made by asking for __dict__ (or by outgrowing the class's shared
# keys, or by copying, or by __class__ assignment) is one more.
import copy
import gc

gc.collect()


class A:
    pass


def cycle(touch):
    a = A()
    b = A()
    a.other = b
    b.other = a
    touch(a, b)
    del a, b
    return gc.collect()


print("plain instances:", cycle(lambda a, b: None))
print("one __dict__ read:", cycle(lambda a, b: a.__dict__))
print("both __dict__s read:", cycle(lambda a, b: (a.__dict__, b.__dict__)))
print("vars():", cycle(lambda a, b: vars(b)))
print("setattr and delattr:", cycle(lambda a, b: (setattr(a, "x", 1), delattr(a, "x"))))
print("deleting a missing attribute:", cycle(lambda a, b: hasattr(a, "nope")))
print("__dict__ assigned:", cycle(lambda a, b: setattr(a, "__dict__", {"other": b})))
print("copy.copy:", cycle(lambda a, b: copy.copy(a)))
print("__getstate__:", cycle(lambda a, b: a.__getstate__()))
print("repr, ==, sys.getsizeof:", cycle(lambda a, b: (repr(a), a == b, __import__("sys").getsizeof(a))))
print("plain again:", cycle(lambda a, b: None))
print("dir():", cycle(lambda a, b: dir(a)))


class B:
    pass


class C:
    pass


x = C()
y = C()
x.partner = y
y.partner = x
x.__class__ = B
del x, y
print("__class__ assigned:", gc.collect())


def make_closure():
    def inner():
        return inner

    return inner


f = make_closure()
del f
print("cycle through a closure:", gc.collect())


class L(list):
    pass


x = L()
y = L()
x.append(y)
y.append(x)
del x, y
print("list subclass instances:", gc.collect())
x = L()
y = L()
x.o = y
y.o = x
del x, y
print("list subclass instances with attributes:", gc.collect())

# A class's shared keys hold 30 names; each new instance shrinks the room left (down to
# one name), so a class with many instances adds few names before falling back to dicts.
class Late:
    pass


keep = [Late() for i in range(40)]
a = Late()
b = Late()
a.one = b
b.one = a
del a, b
print("first name after 40 instances:", gc.collect())
a = Late()
b = Late()
a.one = b
b.one = a
a.two = 1
del a, b
print("second name after 40 instances:", gc.collect())


class Early:
    pass


a = Early()
b = Early()
for i in range(30):
    setattr(a, "k%d" % i, i)
a.other = b
b.other = a
del a, b
print("thirty names, then one more:", gc.collect())
a = Early()
b = Early()
a.k0 = b
b.k0 = a
del a, b
print("names the class knows:", gc.collect())


# __slots__ values live in the object too.
class Slotted:
    __slots__ = ("other", "spare")


x = Slotted()
y = Slotted()
x.other = y
y.other = x
del x, y
print("__slots__ instances:", gc.collect())


# A __dict__ made from inline values goes on sharing its class's keys (a split dict in
# CPython): new names stored through it take room there, and dir() merges every class
# attribute name into a copy of it, which fills the room: later new names fall back to
# dicts.
class Shared:
    pass


s = Shared()
s.first = 1
s.__dict__
for i in range(30):
    s.__dict__["n%d" % i] = i
a = Shared()
a.zz = a
del a
print("new name after 30 names through a dict:", gc.collect())


class Listed:
    pass


l = Listed()
l.other = 1
dir(l)
for k in range(3):
    a = Listed()
    setattr(a, "x%d" % k, a)
    del a
    print("new name", k, "after dir():", gc.collect())
