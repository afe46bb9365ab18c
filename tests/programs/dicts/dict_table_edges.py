# Edges of the dict's hash index: growth, deletes, dummies, popitem cycles, colliding
# hashes, keys equal across types, NaN keys, keys with Python __hash__/__eq__.


class Key:
    eq_calls = 0

    def __init__(self, name, h):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        Key.eq_calls += 1
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return "Key(%r)" % self.name


# Keys sharing a hash: each lookup compares with __eq__.
d = {}
for i in range(20):
    d[Key("k%d" % i, 7)] = i
print(len(d), d[Key("k13", 7)], Key("k19", 7) in d, Key("zz", 7) in d)
print(Key.eq_calls > 0)
d[Key("k5", 7)] = "five"
print(len(d), d[Key("k5", 7)], list(d.values())[5])

# 1, 1.0 and True are one key; the first key stays, the last value wins.
e = {1: "int"}
e[1.0] = "float"
e[True] = "bool"
print(e, type(list(e)[0]).__name__)
e = {True: "a", 1: "b", 1.0: "c", 0: "z", False: "y", 0.0: "x"}
print(e)
print({k: k for k in [2, 2.0, 3, 3.0, -0.0, 0]})

# NaN: each NaN object is its own key; the same object is found by identity.
nan = float("nan")
f = {nan: 1}
f[nan] = 2
f[float("nan")] = 3
print(len(f), f[nan], nan in f, float("nan") in f)

# Growth through many sizes, with keys that collide in the low bits.
g = {}
for i in range(5000):
    g[i * 1024] = i
print(len(g), g[4999 * 1024], 1023 in g, sum(g.values()))
g2 = {i * i: i for i in range(3000)}
print(len(g2), g2[2999 * 2999], all(g2[i * i] == i for i in range(3000)))
neg = {-i: i for i in range(100)}
print(neg[-1], neg[-99], -100 in neg, neg[0])

# Deletes keep the insertion order; reinserting puts a key last.
h = {i: str(i) for i in range(50)}
for i in range(0, 50, 3):
    del h[i]
h[3] = "again"
h[100] = "new"
print(list(h)[:8], list(h)[-3:], len(h))
for i in list(h):
    if i % 2:
        del h[i]
print(list(h), len(h))

# Delete everything and refill (dummies everywhere), then lookups of missing keys.
k = {i: i for i in range(200)}
for i in range(200):
    del k[i]
print(len(k), k.get(5), 5 in k)
for i in range(200, 400):
    k[i] = i
print(len(k), k[399], k.get(0, "none"), list(k)[:3])

# popitem / insert cycles reuse the last position.
p = {i: i for i in range(30)}
for i in range(1000):
    p.popitem()
    p[1000 + i] = i
print(len(p), list(p.items())[-2:], p[1999])
while p:
    p.popitem()
p["x"] = 1
print(p)

# setdefault, pop, get with defaults on a large dict.
q = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    q.setdefault(len(w), []).append(w)
print(q)
print(q.pop(3), q.pop(99, "absent"), q.get(5), q.get(42, 0))
try:
    q.pop(99)
except KeyError as exc:
    print("KeyError", exc)

# Unhashable keys.
for op in (lambda: {}.get([]), lambda: {[]: 1}, lambda: {}.__setitem__({}, 1), lambda: [] in {1: 2}):
    try:
        op()
    except TypeError as exc:
        print("TypeError:", exc)

# A key whose __eq__ mutates the dict during a lookup.
class Mutator:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 1

    def __eq__(self, other):
        self.target.clear()
        return False


m = {}
m[Mutator(m)] = 1
m[Mutator(m)] = 2
print(len(m))

# A key whose __hash__ raises.
class BadHash:
    def __hash__(self):
        raise ValueError("no hash")


try:
    {}[BadHash()] = 1
except ValueError as exc:
    print("ValueError:", exc)
try:
    {1: 2}.get(BadHash())
except ValueError as exc:
    print("ValueError:", exc)
