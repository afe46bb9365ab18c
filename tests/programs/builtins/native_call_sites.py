# Calls of native functions and methods at hot sites (done in the register loop without
# the general call): `len` of anything, `list.append`, str and dict methods, with
# shadowed builtins, subclasses overriding the method, unbound calls, wrong argument
# counts and odd `__len__` results, all with CPython's messages.
import builtins


def lens(values):
    return [len(v) for v in values]


print(lens(["abc", [1, 2], (1,), {1: 2}, {1, 2, 3}, b"xy", range(5), "", frozenset()]))


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class IntSub(int):
    pass


print(lens([Sized(3), Sized(0), Sized(True), Sized(IntSub(7))]))
for bad in [Sized(-1), Sized("3"), Sized(2**70), Sized(3.0), 5, None, Sized]:
    for _ in range(2):
        try:
            len(bad)
        except Exception as e:
            print(type(e).__name__, e)
            break
for args in [(), ("a", "b")]:
    try:
        len(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    len(x="a")
except TypeError as e:
    print("TypeError", e)


# A global `len` defined after the site specialized shadows the builtin, and deleting it
# brings the builtin back; replacing `builtins.len` works too.
def measure(rounds):
    out = []
    for i in range(rounds):
        out.append(len("abcd"))
    return out


print(sum(measure(100)))
len = lambda x: 100  # noqa: E731
print(sum(measure(3)))
del len
print(sum(measure(3)))
saved = builtins.len
builtins.len = lambda x: -1
print(sum(measure(3)))
builtins.len = saved
print(sum(measure(3)))


# `list.append`: lists, subclasses that do or do not override it, unbound calls.
class Plain(list):
    pass


class Loud(list):
    def append(self, x):
        list.append(self, ("loud", x))


targets = [[], Plain(), Loud()]
for i in range(60):
    targets[i % 3].append(i)
print([t[:3] for t in targets], [type(t).__name__ for t in targets])
unbound = []
for i in range(50):
    list.append(unbound, i)
print(len(unbound), unbound[-1])
for call in [
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: list.append(),
    lambda: list.append((), 1),
    lambda: list.append("abc", 1),
    lambda: [].append(x=1),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
append = [].append
for i in range(5):
    append(i)
print(append.__self__)
other = []
for args in [(1, 2), (other, 2)]:
    for _ in range(3):
        try:
            append(*args)
        except TypeError as e:
            print("TypeError", e)
    for _ in range(3):
        try:
            append(args[0], args[1])
        except TypeError as e:
            print("TypeError", e)
print(other)


# str and dict methods at hot sites, with subclasses overriding them.
class Shout(str):
    def upper(self):
        return "SHOUT"

    def split(self, sep=None):
        return ["shout"]


class Defaults(dict):
    def get(self, key, default=None):
        return "default-" + str(key)


words = ["a b", Shout("c d"), "e f"]
print([w.upper() for w in words * 20][:6], [w.split() for w in words])
maps = [{"k": 1}, Defaults(k=2), {}]
print([m.get("k", 0) for m in maps * 20][:6])
for call in [
    lambda: "abc".upper(1),
    lambda: "abc".startswith(),
    lambda: "abc".split(1),
    lambda: {}.get(),
    lambda: {}.get(1, 2, 3),
    lambda: str.upper(5),
    lambda: str.upper(),
    lambda: dict.get([], 1),
    lambda: "abc".find(sub="a"),
]:
    for _ in range(2):
        try:
            call()
        except TypeError as e:
            print("TypeError", e)
            break


# Recursion through native calls is still caught (RecursionError, not a crash).
def deep(n):
    return len([deep(n + 1)])


try:
    deep(0)
except RecursionError:
    print("RecursionError")


def deeper(n):
    return sorted([n], key=deeper)


try:
    deeper(0)
except RecursionError:
    print("RecursionError")
print(isinstance(3, int), isinstance("a", (int, str)), isinstance(3.0, int))


# Builtin classes called at hot sites: conversions, errors, `super()` (which needs the
# calling frame), `type(x)`, a class shadowing a builtin name later.
class Base2:
    def describe(self):
        return "base"


class Child2(Base2):
    def describe(self):
        return "child+" + super().describe()


objs2 = [Child2() for _ in range(3)]
print([o.describe() for o in objs2 * 30][:2])
vals = []
for i in range(100):
    vals.append(int(str(i)) + int(hex(i), 16) + len(tuple(range(i % 4))))
print(sum(vals), type(vals), type(3.5)(2), float("1.5"), str(b"x", "ascii"))


class BadStr:
    def __str__(self):
        raise RuntimeError("no str")


for call in [lambda: int("x1"), lambda: int("5", 99), lambda: str(BadStr()), lambda: float([]), lambda: tuple(1)]:
    for _ in range(2):
        try:
            call()
        except Exception as e:
            print(type(e).__name__, e)
            break


def convert(rounds):
    return [int("7") for _ in range(rounds)]


print(sum(convert(50)))
int = lambda s: -1  # noqa: E731
print(sum(convert(3)))
del int
print(sum(convert(3)))
