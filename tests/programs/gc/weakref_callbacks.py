# Weak references and the cycle collector: callbacks of weak references to cyclic garbage
# run during gc.collect(), before finalizers and before anything is cleared; weak
# references that are garbage themselves get no callback; weak references to garbage are
# dead once the collection is over.
import gc
import _weakref

gc.disable()


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def make_cycle(a_name, b_name, cls=Node):
    a = cls(a_name)
    b = Node(b_name)
    a.other = b
    b.other = a
    return a, b


a, b = make_cycle("a", "b")
events = []
ra = _weakref.ref(a, lambda r: events.append("callback a"))
rb = _weakref.ref(b, lambda r: events.append("callback b"))
plain = _weakref.ref(a)
del a, b
print("alive before collect", ra() is not None, rb() is not None, plain() is not None)
print("nothing yet", events)
n = gc.collect()
print("collected at least 2:", n >= 2)
print("events", sorted(events))
print("dead after collect", ra(), rb(), plain())


# Callbacks run before __del__ of the garbage, and __del__ sees dead weak references.
class Finalized(Node):
    def __del__(self):
        print("__del__", self.name, "sees", self_ref())


x, y = make_cycle("x", "y", Finalized)
self_ref = _weakref.ref(x, lambda r: print("callback for x, referent", r()))
del x, y
print("collecting")
gc.collect()
print("collected")

# A weak reference that is part of the garbage does not call back.
c, d = make_cycle("c", "d")
c.ref_to_d = _weakref.ref(d, lambda r: print("never printed"))
del c, d
gc.collect()
print("no callback for a weak reference inside the garbage")

# A callback may create objects and drop references; the collection survives it.
e, f = make_cycle("e", "f")
holder = []


def callback(r):
    holder.append([Node("new") for _ in range(3)])
    print("callback made", len(holder[0]), "nodes")


re_ = _weakref.ref(e, callback)
del e, f
gc.collect()
print("holder", len(holder))

# Exceptions in callbacks during a collection are reported and ignored.
g, h = make_cycle("g", "h")


def failing(r):
    raise RuntimeError("callback failed during collection")


rg = _weakref.ref(g, failing)
del g, h
gc.collect()
print("after failing callback")
