# Edges of the dict and set fast paths of d[k], k in d, d[k] = v and comprehensions:
# subclasses, overridden dunders, numeric keys that are equal across types, NaN keys,
# unhashable keys and KeyError messages. Each case runs in a function (the register loop)
# and at module level.


class Missing(dict):
    def __missing__(self, key):
        return ("missing", key)


class GetItem(dict):
    def __getitem__(self, key):
        return ("getitem", key, dict.__getitem__(self, key) if dict.__contains__(self, key) else None)


class SetItem(dict):
    def __setitem__(self, key, value):
        dict.__setitem__(self, key, ("wrapped", value))


class Contains(dict):
    def __contains__(self, key):
        return key == "always" or dict.__contains__(self, key)


class SetContains(set):
    def __contains__(self, key):
        return True


class FrozenContains(frozenset):
    def __contains__(self, key):
        return key == 42


def subclasses():
    m = Missing(a=1)
    print(m["a"], m["b"], m[1], m[(1, 2)])
    print("b" in m, len(m))
    g = GetItem(a=1)
    print(g["a"], g["zz"], g[3])
    s = SetItem()
    s["k"] = 1
    s[2] = 3
    print(sorted(s.items(), key=repr))
    c = Contains(x=1)
    print("always" in c, "x" in c, "y" in c, "always" not in c)
    print(1 in SetContains(), "q" in SetContains())
    print(42 in FrozenContains([1]), 1 in FrozenContains([1]), 42 not in FrozenContains())


class Key:
    """Equal to another Key with the same name; hashes by name, counting calls."""

    eq_calls = 0
    hash_calls = 0

    def __init__(self, name):
        self.name = name

    def __hash__(self):
        Key.hash_calls += 1
        return hash(self.name)

    def __eq__(self, other):
        Key.eq_calls += 1
        if isinstance(other, Key):
            return self.name == other.name
        return NotImplemented

    def __repr__(self):
        return f"Key({self.name!r})"


class StrLike(str):
    """A str subclass equal to, and hashed as, its lower-case form."""

    def __hash__(self):
        return hash(self.lower())

    def __eq__(self, other):
        return str(self).lower() == str(other).lower()


class EqualsEverything:
    def __hash__(self):
        return hash("abc")

    def __eq__(self, other):
        return True


def custom_keys():
    d = {Key("a"): 1, "a": 2}
    print(d[Key("a")], d["a"], Key("a") in d, Key("b") in d)
    d[Key("a")] = 10
    print(len(d), d[Key("a")])
    print(Key.hash_calls > 0, Key.eq_calls > 0)
    s = {StrLike("Hello"): 1}
    print(s.get("hello"), "hello" in s, StrLike("HELLO") in s)
    s2 = {"hello": 1}
    print(StrLike("HELLO") in s2, s2.get(StrLike("HELLO")))
    s2[StrLike("HeLLo")] = 5
    print(s2, len(s2))
    e = {"abc": 1}
    print(EqualsEverything() in e, e[EqualsEverything()])
    e[EqualsEverything()] = 2
    print(e)
    # A str key whose hash collides with a custom key: the str compares by its own rules.
    f = {EqualsEverything(): "custom"}
    print("abc" in f, f["abc"], "abd" in f)
    print("abc" in {EqualsEverything()}, "x" in frozenset([EqualsEverything()]))


class Raises:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise ValueError("no comparing")


class MinusOne:
    """Hashes as -1 (which becomes -2, as hash(-1) is) and equals -1."""

    def __hash__(self):
        return -1

    def __eq__(self, other):
        return other == -1


class Huge:
    def __hash__(self):
        return 2**64 + 5

    def __eq__(self, other):
        return other == 2**64 + 5


def raising_and_odd_hashes():
    d = {1: "a"}
    for action in ("get", "in", "set", "dictcomp", "setcomp", "set-in"):
        try:
            if action == "get":
                d[Raises()]
            elif action == "in":
                Raises() in d
            elif action == "set":
                d[Raises()] = 2
            elif action == "dictcomp":
                {k: 0 for k in [1, Raises()]}
            elif action == "setcomp":
                {k for k in [1, Raises()]}
            else:
                Raises() in {1, 2}
        except ValueError as e:
            print(action, "ValueError:", e)
    print(hash(MinusOne()), hash(-1), {-1: "x"}[MinusOne()], MinusOne() in {-1}, -1 in {MinusOne()})
    print(hash(Huge()) == hash(2**64 + 5), {2**64 + 5: "h"}[Huge()], Huge() in {2**64 + 5})
    print({hash("xyz"): 1}.get(hash("xyz")), hash(Key("q")) == hash("q"))


def numeric_keys():
    d = {1: "int"}
    d[1.0] = "float"
    d[True] = "bool"
    print(d, d[1], d[1.0], d[True], 1.0 in d, True in d)
    z = {0: "zero"}
    print(z[False], z[0.0], z[-0.0], False in z, -0.0 in z)
    big = 2**64
    b = {big: "big"}
    print(b[2**64], float(2**64) in b, b[float(2**64)])
    h = {-1: "m1", -2: "m2"}
    print(h[-1], h[-2], hash(-1), hash(-2))
    print({1: "a", 1.0: "b", True: "c"})
    print({x: type(x).__name__ for x in (1, 1.0, True)})
    print({x for x in (1, 1.0, True)}, {x for x in (True, 1, 1.0)})
    print(1 in {1.0}, 1.0 in {True}, 2 in {2.5}, 0.5 in {0.5}, (1, 2) in {(1.0, 2.0)})
    t = {(1, "a"): 1, (1, ("b", 2.0)): 2}
    print(t[(1.0, "a")], t[(True, ("b", 2))], (1, ("b", 2)) in t, (1, ("b", 3)) in t)


def nan_keys():
    nan = float("nan")
    d = {nan: 1}
    print(d[nan], nan in d, float("nan") in d)
    d[nan] = 2
    d[float("nan")] = 3
    print(len(d), sorted(d.values()))
    try:
        d[float("nan")]
    except KeyError as e:
        print("KeyError", e)
    s = {nan, nan, float("nan")}
    print(len(s), nan in s, float("nan") in s)
    c = {x: 1 for x in [nan, nan, float("nan")]}
    print(len(c))
    t = {(nan, 1): "t"}
    print((nan, 1) in t, t[(nan, 1)], (float("nan"), 1) in t)


def errors():
    d = {"a": 1}
    for key in ([1], {}, {1}, ([1],), (1, [2])):
        for action in ("get", "in", "set", "set-in"):
            try:
                if action == "get":
                    d[key]
                elif action == "in":
                    key in d
                elif action == "set":
                    d[key] = 1
                else:
                    key in {1, 2}
            except TypeError as e:
                print(action, type(key).__name__, "TypeError:", e)
    for key in ("missing", 3, 2.5, None, (1, 2), (), ("x",), -0.0, True, 2**70, frozenset({1})):
        try:
            d[key]
        except KeyError as e:
            print("KeyError", repr(e), e.args)
    try:
        {}[(1,)]
    except KeyError as e:
        print("tuple key", e, e.args)
    m = Missing()
    print(m[[1]] if False else "skip")
    try:
        m[[1]]
    except TypeError as e:
        print("missing subclass", e)
    try:
        {[1]: 2}
    except TypeError as e:
        print("display", e)
    try:
        {k: 1 for k in ([1],)}
    except TypeError as e:
        print("dictcomp", e)
    try:
        {k for k in ({},)}
    except TypeError as e:
        print("setcomp", e)
    try:
        1 in 5
    except TypeError as e:
        print("contains", e)
    five = 5
    try:
        five[1]
    except TypeError as e:
        print("subscr", e)


def comprehension_mutation():
    d = {i: i for i in range(5)}
    try:
        {k: d.setdefault(k + 10, 0) for k in d}
    except RuntimeError as e:
        print("RuntimeError", e)
    s = {1, 2, 3}
    try:
        {s.add(x + 10) for x in s}
    except RuntimeError as e:
        print("RuntimeError", e)
    # A key whose comparison empties the dict it is looked up in: the lookup restarts.
    target = {}

    class Sneaky:
        def __hash__(self):
            return 7

        def __eq__(self, other):
            target.clear()
            return False

    target[7] = "a"
    target[Sneaky()] = "b"
    print(len(target), list(target.values()))
    target[7] = "a"
    print(Sneaky() in target, len(target))
    target[7] = "a"
    try:
        target[Sneaky()]
    except KeyError as e:
        print("KeyError", type(e.args[0]).__name__, len(target))
    out = {k: v for k, v in [(7, "a"), (Sneaky(), "b"), (7, "c")]}
    print(sorted(map(repr, out.values())))
    # Later duplicate keys replace the value but keep the first key.
    print({k: i for i, k in enumerate([1, 1.0, True, 2, 2.0])})
    print([k for k in {1: 0, 1.0: 1}], {"a": 1, "a": 2})


def memo():
    cache = {}

    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r

    print(fib(90), len(cache))
    counts = {}
    for w in "the cat and the hat and the bat".split():
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    pairs = {}
    words = "a b a b a c".split()
    for i in range(len(words) - 1):
        key = (words[i], words[i + 1])
        if key in pairs:
            pairs[key] += 1
        else:
            pairs[key] = 1
    print(pairs)


for case in (subclasses, custom_keys, raising_and_odd_hashes, numeric_keys, nan_keys, errors, comprehension_mutation, memo):
    print("--", case.__name__)
    case()

# The same operations at module level.
m = Missing(a=1)
print(m["a"], m["zz"], "zz" in m)
d = {1: "x"}
print(d[True], d[1.0], True in d)
try:
    d[[]]
except TypeError as e:
    print(e)
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e)
d[(1, 2)] = "t"
print(d[(1, 2)], (1, 2) in d, [1, 2] in [[1, 2]])
