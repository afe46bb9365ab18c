# Iterating a compact list while it changes: the iterator reads by position each step.

a = [1, 2, 3]
seen = []
for x in a:
    seen.append(x)
    if x == 2:
        a.append("four")
    if len(seen) > 10:
        break
print(seen, a)

a = [True, False, True]
out = []
for i, x in enumerate(a):
    out.append(x)
    if i == 0:
        a[1] = 7
        a[2] = 2.5
print(out, a)

a = [1.5, 2.5, 3.5, 4.5]
out = []
for x in a:
    out.append(x)
    a.remove(x)
print(out, a)

a = [1, 2, 3]
it = iter(a)
print(next(it))
a.clear()
print(list(it), a)
a.extend([4, 5])
print(list(it))

a = [1, 2, 3, 4]
r = reversed(a)
print(next(r))
a[0] = "x"
print(list(r))

a = list(range(6))
it = iter(a)
next(it)
print(it.__length_hint__())
a.pop()
print(it.__length_hint__(), list(it))

# unpacking compact lists
x, y, z = [1, 2.0, True]
p, q = [True, False]
f, g = [0.5, -0.0]
print(x, y, z, p, q, f, g)
first, *rest = list(range(4))
print(first, rest)

# comprehensions and map over compact lists
a = [i * i for i in range(5)]
print(a, [x > 3 for x in a], [x / 2 for x in a], sum(a), min(a), max(a), sorted(a, reverse=True))
print(any([False, False]), all([True, True]), any([0, 0, 3]), all([1.0, 0.0]))
print(dict.fromkeys([1, 2]), set([True, 1, 1.0]), tuple([1.5, 2]), "-".join(map(str, [1, 2])))

# a compact list that generalizes to hold an object is traversed by the collector
import gc
import weakref


class Box:
    pass


b = Box()
cycle = [1.5, 2.5]
cycle.append(b)
b.items = cycle
r = weakref.ref(b)
del b, cycle
gc.collect()
print(r() is None)
selfref = [True, False]
selfref.append(selfref)
print(selfref, len(selfref[2][2]))
