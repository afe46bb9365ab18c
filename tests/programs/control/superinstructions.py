# Pairs of local/constant loads and stores that the VM joins into one instruction
# (LOAD_FAST__LOAD_FAST and friends): unbound locals in either place, stores then loads
# of the same name, chains, jumps to the second of a pair, finalizer order, tracing,
# and locals past 255 (EXTENDED_ARG).
import sys


def pairs():
    a = 1
    b = 2
    c = a + b
    d = c * 10 - a
    return a, b, c, d


def unbound_second():
    a = 1
    try:
        print(a, b)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    b = 5
    return a + b


def unbound_first():
    try:
        print(a, 1)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    a = 2
    return a


def deleted_between():
    x = 1
    y = 2
    del y
    try:
        return x + y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


def store_then_load_same():
    x = 3
    x = x + 1
    return x


def swap():
    a, b = 1, 2
    a, b = b, a
    c, d, e = a, b, a + b
    return a, b, c, d, e


def chain(n):
    a = n
    b = a
    c = b
    d = c
    return a + b + c + d


def loop_jumps(n):
    i = 0
    total = 0
    while i < n:
        total = total + i
        i = i + 1
    for j in range(n):
        k = j
        total = total + k
    return total


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def finalizer_order():
    x = Noisy("x")
    x = 1
    y = x
    print("after store", y)
    z = Noisy("z")
    w = Noisy("w")
    z, w = w, z
    z = w = None
    print("end")


def traced():
    a = 1
    b = a
    c = b
    return c


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer


def many_locals():
    names = [f"v{i}" for i in range(300)]
    body = "\n".join(f"    {n} = {i}" for i, n in enumerate(names))
    body += "\n    w = v299\n    x = v298 + v299\n    return w, x, v0 + v1"
    namespace = {}
    exec("def f():\n" + body, namespace)
    return namespace["f"]()


print(pairs())
print(unbound_second())
print(unbound_first())
print(deleted_between())
print(store_then_load_same())
print(swap())
print(chain(7))
print(loop_jumps(10))
finalizer_order()
sys.settrace(tracer)
traced()
sys.settrace(None)
print(events)
print(many_locals())
