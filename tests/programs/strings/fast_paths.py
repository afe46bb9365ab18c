# The fast paths for ASCII text, small ints and simple keys must give exactly what the
# general paths give: str storage at the inline/heap boundary, split/replace/join of ASCII
# text, int() of short decimals, format of small ints, tuple keys, sort and min/max keys.

# Lengths around the inline storage limit, and their concatenation, slicing, hashing.
for n in (0, 1, 13, 14, 15, 21, 22, 23, 40):
    s = "ab" * (n // 2) + "c" * (n % 2)
    t = "".join(list(s))
    assert s == t and hash(s) == hash(t) and len(s) == n, n
    d = {s: n}
    print(n, len(s), d[t], s[:5], (s + s)[n - 1 : n + 2], s.upper()[-3:], repr(s[-4:]))
wide = "é" * 20 + "x"
print(len(wide), wide[-3:], (wide + "ab" * 10)[18:25], wide.encode()[:4])

# split with and without a separator, maxsplit, surrounding and repeated whitespace.
text = "  alpha beta\tgamma\n\x0bdelta  \x1c epsilon  "
print(text.split())
print(text.split(None, 2))
print(text.split(maxsplit=0))
print("".split(), "   ".split(), "a".split())
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), ",".split(","), "".split(","))
print("x--y----z".split("--"), "x--y----z".split("--", 1), "abc".split("é"))
print("a; b; c".split("; ", -1), "aaa".split("aa"))

# replace: counts, no match, longer and empty replacements, overlapping patterns.
print("aaaa".replace("aa", "b"), "aaaa".replace("aa", "b", 1), "abc".replace("x", "y"))
print("abcabc".replace("b", ""), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("abab".replace("ab", "xyz" * 3), "abc".replace("b", "é"), "a.b.c".replace(".", "::", -1))

# join of lists, tuples, generators and list subclasses (whose __iter__ is honoured).
class Rev(list):
    def __iter__(self):
        return reversed(self[:])

print("-".join(["a", "bb", "ccc"]), ",".join(("x", "y")), "".join(c for c in "hey"))
print("+".join(Rev(["1", "2", "3"])), "é".join(["a", "b"]), "|".join([]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)

# int() of short decimals and of everything the fast path leaves to the parser.
for lit in ("0", "7", "-12", "+34", "000123", "999999999999999999", "1000000000000000000",
            "-9223372036854775808", " 42 ", "1_000", "12a", "", "-", "٣"):
    try:
        print(repr(lit), int(lit))
    except ValueError as e:
        print(repr(lit), "ValueError:", e)

# format of small ints with simple specs, and the specs the fast path leaves alone.
for spec in ("", "d", "5d", "05d", "<6", "^7d", "=+8", "+d", " d", "x", ",", "_d", "08,d", "#o", "e"):
    print(repr(spec), [format(v, spec) for v in (0, 7, -42, 123456)])
print(f"{5:05d}|{-5:05d}|{3:*^9}|{True:d}|{10**20:5d}")
try:
    format(5, ".2d")
except ValueError as e:
    print("ValueError:", e)

# Tuple keys: equality item by item, nested tuples, floats against ints, NaN identity.
nan = float("nan")
d = {("a", 1): 1, ("a", (1, 2)): 2, (1.0, "b"): 3, (nan,): 4}
print(d[("a", 1)], d[("a", (1, 2))], d[(1, "b")], d.get((nan,)), d.get((float("nan"),)))
print(("a", 1) == ("a", 1.0), ("a", (1, [2])) == ("a", (1, [2])), (1, 2) == (1, 2, 3))

class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("Eq.__eq__ called")
        return isinstance(other, Eq) and self.v == other.v
    def __hash__(self):
        return hash(self.v)

print({("k", Eq(1)): "found"}.get(("k", Eq(1))), {("k", Eq(1)): "x"}.get(("j", Eq(1))))

# Sorting and min/max with keys of the fast kinds, mixed kinds, and errors.
pairs = [(3, "c"), (1, "b"), (3, "a"), (1, "b"), (2, "z")]
print(sorted(pairs), sorted(pairs, reverse=True), sorted(pairs, key=lambda p: (p[1], -p[0])))
print(sorted([2.5, 1, 3, -0.5, 2]), sorted(["b", "a", "B", "ab"]), sorted([(1, 2), (1,), ()]))
print(min(pairs), max(pairs), max(pairs, key=lambda p: (p[0], p[1])), min(iter([5, 3, 9])))
print(max([1, 2.5, 2]), min("hello"), max((x * x for x in range(-5, 3))), min([], default="none"))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    max([("a", 1), ("a", "b")])
except TypeError as e:
    print("TypeError:", e)
print(sorted([Eq(2), Eq(1)], key=lambda e: e.v)[0].v, min(3, 1, 2), max("b", "a", key=str.upper))

# printf-style %d of small ints next to the general path (bools, floats, big ints, flags).
print("%d|%5d|%-5d|%05d|%+d|% d|%.3d|%i|%u" % (7, -7, 7, -7, 7, 7, -7, True, -0))
print("%d %d %x %o %d" % (10**20, -(2**63), 255, 8, 2.7), "%s:%s" % (3, hex(3)))
