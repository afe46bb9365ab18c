# Set building (set displays, comprehensions, add) with keys equal across types, NaN,
# Python __hash__/__eq__, removals; and sum over lists, tuples and views.


class Key:
    calls = 0

    def __init__(self, name, h):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        Key.calls += 1
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return "Key(%r)" % self.name


s = {Key("a", 1), Key("b", 1), Key("a", 1), Key("c", 2)}
print(len(s), sorted(k.name for k in s), Key.calls > 0)
s.add(Key("b", 1))
s.add(Key("d", 1))
print(len(s), Key("d", 1) in s, Key("e", 1) in s)

t = {1, 1.0, True}
print(t, type(next(iter(t))).__name__)
print({0, 0.0, False, -0.0}, {True, 1, 2, 2.0})
print({x % 7 for x in range(100)}, {x / 2 for x in range(6)})
nan = float("nan")
u = {nan, nan, float("nan")}
print(len(u), nan in u)
w = {str(i)[0] for i in range(1000)}
print(sorted(w), len(w))
v = {(i % 3, str(i % 2)) for i in range(20)}
print(sorted(v))

big = set()
for i in range(10000):
    big.add(i * 4096)
for i in range(0, 10000, 2):
    big.discard(i * 4096)
for i in range(10000):
    big.add(i * 4096 + 1)
print(len(big), 4096 in big, 8192 in big, 4097 in big, max(big), min(big))

try:
    {[1]}
except TypeError as exc:
    print("TypeError:", exc)
try:
    {x for x in [[1]]}
except TypeError as exc:
    print("TypeError:", exc)
try:
    for x in big:
        big.add(-1)
except RuntimeError as exc:
    print("RuntimeError:", exc)


class Mutator:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 5

    def __eq__(self, other):
        self.target.clear()
        return False


m = set()
m.add(Mutator(m))
m.add(Mutator(m))
print(len(m))

# sum over exact lists, tuples, views, subclasses, and lists an __add__ changes.
print(sum([1, 2, 3]), sum((1.5, 2.5)), sum([], 10), sum([2**62, 2**62, 2**62]))
print(sum([1, 2.5, 3]), sum([[1], [2]], []), sum(((1,), (2,)), ()), sum({1: 10, 2: 20}.values()))
print(sum(range(10)), sum(x for x in range(5)), sum([0.1] * 10), sum([True, True, 3]))


class Grow:
    def __init__(self, target, n):
        self.target = target
        self.n = n

    def __radd__(self, other):
        self.target.append(self.n)
        return other + 100


items = [1, 2]
items.append(Grow(items, 7))
print(sum(items), items[-1])


class MyList(list):
    def __iter__(self):
        return iter([1000])


print(sum(MyList([1, 2, 3])))
for bad in (["a", "b"], [1, "x"], (1, None)):
    try:
        print(sum(bad))
    except TypeError as exc:
        print("TypeError:", exc)
try:
    sum(["a"], "")
except TypeError as exc:
    print("TypeError:", exc)
