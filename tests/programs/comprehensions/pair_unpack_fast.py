# FOR_ITER over enumerate and dict.items() followed by an unpack of two: the pair may be
# pushed without its tuple. Every way the tuple, the count or the unpack could show.

# enumerate with start, over lists, ranges, and other iterables
print([(i, s) for i, s in enumerate(["a", "b", "c"], 10)])
print({s: i for i, s in enumerate(range(5), -2)})
print([i * s for i, s in enumerate(range(3, 30, 7))])
print([(i, c) for i, c in enumerate("xyz")])
print([(i, t) for i, t in enumerate((1, 2))])
print([(i, k) for i, k in enumerate({"p": 1, "q": 2})])
big = 2**63 - 2
print([(i, x) for i, x in enumerate("abc", big)])
print([(i, x) for i, x in enumerate([1, 2], True)])


# enumerate subclass with its own __next__, and of a list subclass
class Enum2(enumerate):
    def __next__(self):
        i, x = super().__next__()
        return (i * 100, x)


print([(i, x) for i, x in Enum2([7, 8, 9])])


class MyList(list):
    def __iter__(self):
        return iter(["overridden"])


print([(i, x) for i, x in enumerate(MyList([1, 2]))])


class PlainList(list):
    pass


print([(i, x) for i, x in enumerate(PlainList([4, 5]))])

# the tuple kept (not unpacked) stays intact while the loop goes on
kept = [pair for pair in enumerate("ab")]
print(kept, [type(p).__name__ for p in kept])
kept = []
for pair in enumerate([1, 2, 3]):
    kept.append(pair)
print(kept)
items = [kv for kv in {"a": 1, "b": 2}.items()]
print(items)

# an unpack of three from a pair iterator raises as CPython does
try:
    for a, b, c in enumerate([1]):
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    for (a,) in {"k": 1}.items():
        pass
except ValueError as e:
    print("ValueError:", e)

# nested target unpack, and starred
print([(i, a, b) for i, (a, b) in enumerate([(1, 2), (3, 4)])])
print([(i, rest) for i, *rest in enumerate("ab")])

# a list mutated while enumerated: appends are seen, as in CPython
grow = [1, 2, 3]
seen = []
for i, x in enumerate(grow):
    seen.append((i, x))
    if len(grow) < 6:
        grow.append(x * 10)
print(seen)
shrink = [1, 2, 3, 4, 5]
out = []
for i, x in enumerate(shrink):
    out.append((i, x))
    shrink.pop()
print(out)

# the enumerate, once exhausted, stays exhausted; next() after it
e = enumerate([1, 2])
print([(i, x) for i, x in e], list(e), next(e, "done"))

# a count past the machine word
e = enumerate([1, 2, 3], 2**63 - 2)
print([(i, x) for i, x in e])
e = enumerate(range(2), 2**70)
print([(i, x) for i, x in e])

# dict items: mutation during iteration
d = {1: "a", 2: "b"}
try:
    for k, v in d.items():
        d[k + 10] = v
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: "a", 2: "b", 3: "c"}
try:
    for k, v in d.items():
        del d[3]
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: "a", 2: "b"}
for k, v in d.items():
    d[k] = v * 2
print(d)

# keys and values iterators are unchanged by the pair path
d = {"x": 1, "y": 2}
print([k for k in d], [v for v in d.values()], [(k, v) for k, v in d.items()])


# the loop variable is what the unpack stores, in order
def order():
    out = []
    for k, v in {"first": 1, "second": 2}.items():
        out.append(k)
        out.append(v)
    return out


print(order())


# a generator's for over enumerate
def gen(xs):
    for i, x in enumerate(xs, 1):
        yield i * x


print(list(gen([3, 4, 5])))

# refcounts of the items: nothing lost or duplicated
import sys

obj = object()
before = sys.getrefcount(obj)
for i, x in enumerate([obj, obj]):
    pass
del x
print(sys.getrefcount(obj) - before)



def f():
    out = []
    for (i,
         x) in enumerate(
            "ab"):
        out.append(
            (i, x))
    for (k,
         v) in {1: 2}.items():
        out.append(k)
    return out


events = []


def tracer(frame, event, arg):
    if frame.f_code is f.__code__:
        events.append((event, frame.f_lineno - f.__code__.co_firstlineno))
    return tracer


sys.settrace(tracer)
r = f()
sys.settrace(None)
print(r)
print(events)
