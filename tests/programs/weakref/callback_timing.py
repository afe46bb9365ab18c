# Weak-reference callbacks run as soon as the last strong reference goes: right after
# `del x`, before the next statement, most recently created weak reference first.
import _weakref


class Thing:
    def __init__(self, name):
        self.name = name


def report(tag):
    def callback(ref):
        print("callback", tag, "referent is", ref())
    return callback


x = Thing("x")
r = _weakref.ref(x, report("only"))
print("before del")
del x
print("after del")

y = Thing("y")
refs = [_weakref.ref(y, report(i)) for i in range(3)]
plain = _weakref.ref(y)
print("three callbacks pending")
y = None
print("after rebinding")
print("callbacks dropped:", [r.__callback__ for r in refs])


def scope():
    z = Thing("z")
    keep.append(_weakref.ref(z, report("local")))
    print("leaving scope")


keep = []
scope()
print("back in caller")

# A weak reference that dies before its referent never calls back.
w = Thing("w")
temp = _weakref.ref(w, report("never"))
del temp
del w
print("no callback for a dead weak reference")


# __del__ runs before the weak references are cleared, as in CPython.
class Finalized:
    def __del__(self):
        print("__del__ sees its weak reference alive:", wr() is self)


f = Finalized()
wr = _weakref.ref(f, report("after __del__"))
del f
print("done")

# An exception in a callback is reported and ignored.
def bad(ref):
    raise ValueError("boom in callback")


b = Thing("b")
rb = _weakref.ref(b, bad)
del b
print("still running")
