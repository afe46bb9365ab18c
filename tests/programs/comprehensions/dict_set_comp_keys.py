# Dict and set comprehensions through the fast insert paths: key order with overwrites,
# equal keys of different types, hash collisions, growth, and keys that run Python code.

# overwrites keep the first key's position and object, the last value
print({k % 3: k for k in range(10)})
print({k: v for k, v in [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)]})

# 1 == 1.0 == True: one key, the first object kept
d = {k: repr(k) for k in [1, 1.0, True, 0, False, 0.0, -0.0]}
print(d, [type(k).__name__ for k in d])
s = {k for k in [True, 1, 1.0, 2.0, 2, False, 0]}
print(sorted(s), sorted(type(k).__name__ for k in s))
print({x: 0 for x in [1.5, 3 / 2, 2**0.5 * 2**0.5 == 2]})

# hash collisions: -1 and -2 hash alike; multiples of the table size collide in the index
print(hash(-1) == hash(-2), {k: k for k in [-1, -2, -1, -2]})
print({k for k in [-1, -2, -2]})
big = {k: k for k in range(0, 2**20, 2**12)}
print(len(big), list(big)[:3], list(big)[-2:])
sq = {i * i: i for i in range(3000)}
print(len(sq), sq[2999 * 2999], sum(sq.values()))
ss = {i * i % 4096 for i in range(5000)}
print(len(ss), min(ss), max(ss))
collide = {(1 << 61) - 1: "a", 0: "b", 2**61 - 1 + 0: "c"}
print(collide)

# growth across many sizes, after deletions (dummy slots), then comprehension-built
for n in (5, 8, 9, 17, 100, 1000):
    d = {i: i for i in range(n)}
    for i in range(0, n, 2):
        del d[i]
    d2 = {k: v * 2 for k, v in d.items()}
    d2.update({i: -i for i in range(n)})
    print(n, len(d2), list(d2)[:4], d2.get(n - 1))

# str keys, equal strs from different objects
words = [str(i) for i in range(30)] + ["".join(["1", "0"]), "1" + "5"]
lengths = {w: len(w) for w in words}
print(len(lengths), lengths["10"], list(lengths)[-3:])
print(sorted({w[0] for w in words}))

# tuple keys and nested tuples
print({(i, (i, "x")): i for i in range(3)})
print({(i % 2, i % 3) for i in range(12)} == {(a, b) for a in range(2) for b in range(3)})


# keys with Python __hash__/__eq__: called as CPython calls them
class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print("hash", self.v)
        return hash(self.v % 2)

    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v % 2 == other.v % 2

    def __repr__(self):
        return f"Key({self.v})"


print({Key(i): i for i in range(4)})
print({Key(i) for i in range(3)})


# a key whose __eq__ raises
class Bad:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise ValueError("no eq")


try:
    {k: 0 for k in [Bad(), Bad()]}
except ValueError as e:
    print("ValueError:", e)
try:
    {k for k in [Bad(), Bad()]}
except ValueError as e:
    print("ValueError:", e)

# unhashable keys, CPython's messages
for bad in ([1], {}, {1}, bytearray(b"x")):
    try:
        {bad: 1 for _ in range(1)}
    except TypeError as e:
        print("TypeError:", e)
    try:
        {bad for _ in range(1)}
    except TypeError as e:
        print("TypeError:", e)
try:
    {(1, [2]): 0 for _ in range(1)}
except TypeError as e:
    print("TypeError:", e)
try:
    1 in {x for x in ()} and [] in {1}
    print([] in {1})
except TypeError as e:
    print("TypeError:", e)
try:
    print([] in {1: 2})
except TypeError as e:
    print("TypeError:", e)

# set and dict mutated while a comprehension iterates them
s = {1, 2, 3}
try:
    [s.add(x + 10) for x in s]
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 1, 2: 2}
try:
    {k: d.setdefault(k + 10, 0) for k in d}
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 1, 2: 2}
try:
    {v: d.pop(k) for k, v in d.items()}
except RuntimeError as e:
    print("RuntimeError:", e)


# dict subclass target is not what a comprehension builds; subclass sources iterate
class D(dict):
    def __iter__(self):
        return iter(["overridden"])

    def items(self):
        return [("i", "overridden")]


src = D(a=1)
print({k: 1 for k in src}, {k: v for k, v in src.items()}, {k: v for k, v in dict.items(src)})
