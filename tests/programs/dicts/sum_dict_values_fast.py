# sum(d.values()) reads the entries directly when every value is a small int or a float;
# anything else (big ints, overflow, mixed, objects with __add__, subclasses) must sum as
# the iterator would.


class D(dict):
    def values(self):
        return [100, 200]

    def get(self, key, default=None):
        return "overridden"

    def __missing__(self, key):
        return "missing"


class Num:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return other + self.v * 10


def show(label, value):
    print(label, type(value).__name__, value)


show("ints", sum({"a": 1, "b": 2, "c": -3}.values()))
show("empty", sum({}.values()))
show("start", sum({"a": 1}.values(), 10))
show("floats", sum({1: 0.1, 2: 0.2, 3: 0.3}.values(), 0.0))
show("int start floats", sum({1: 0.1, 2: 0.2}.values()))
show("mixed", sum({1: 1, 2: 2.5, 3: True}.values()))
show("bools", sum({1: True, 2: True}.values()))
show("overflow", sum({1: 2**62, 2: 2**62, 3: 2**62}.values()))
show("negative overflow", sum({1: -(2**63), 2: -1}.values()))
show("big", sum({1: 10**30, 2: 1}.values()))
show("objects", sum({1: 1, 2: Num(3)}.values()))
show("float start ints", sum({1: 1, 2: 2}.values(), 0.5))
d = {i: i for i in range(10)}
for i in range(0, 10, 2):
    del d[i]
show("deleted", sum(d.values()))
sub = D(a=1, b=2)
show("subclass view", sum(dict.values(sub)))
show("subclass override", sum(sub.values()))
print(sub.get("a"), sub["zz"], dict.get(sub, "a"), dict.get(sub, "zz", 5))
try:
    sum({1: 1, 2: "x"}.values())
except TypeError as e:
    print("TypeError:", e)
try:
    sum({1: "a"}.values(), "")
except TypeError as e:
    print("TypeError:", e)
lengths = {str(i): len(str(i)) for i in range(2000)}
show("lengths", sum(lengths.values()))
