# Edges of the str fast paths (ASCII storage written in place, one-pass replace, plain
# `%` and f-string formatting, small-int slices and radix builtins): every result must be
# what the general paths (and CPython) give, for ASCII and non-ASCII text, str
# subclasses, identities and errors.


class S(str):
    pass


texts = ["", "a", "hello world", "HELLO wORLD 123abc", "they're bill's friends", "a1b2_c3",
         "ÀbC dÉf", "ß straße", "x" * 20 + "Y" * 20, "  padded\t\n", "ǅungla ǆ"]
for t in texts:
    print(repr(t.upper()), repr(t.lower()), repr(t.casefold()), repr(t.swapcase()),
          repr(t.title()), repr(t.capitalize()))
print(type(S("abc").upper()).__name__, type(S("abc").title()).__name__, type(S("Ab").capitalize()).__name__)

# split, replace, partition
for t in ["a; b;; c", "; lead", "trail; ", "", "no sep", "é; ü; x", "a;b"]:
    print(t.split("; "), t.split("; ", 1), t.rsplit("; ", 1), t.split(";"), t.partition("; "), t.rpartition("; "))
print("a b  c ".split(), " x ".split(None, 0), "é; x".split("é"), "ab".split("é"))
for args in [("ITEM", "it"), ("x", "yy"), ("", "-"), ("aa", "b"), ("a", ""), ("é", "e"), ("item", "ITEM", 1),
             ("item", "z", 0), ("item", "z", -1)]:
    print(args, repr("item-item-aaa-ITEM".replace(*args)), repr("éitem".replace(*args)))
s = "hello" * 3
print(s.replace("zz", "y") is s, s.replace("h", "h") is s, s.replace("l", "l", 0) is s, s.replace("é", "e") is s)
print(type(S("abc").replace("z", "y")).__name__, S("abc").replace("z", "y"))
for bad in [(1, "a"), ("a", 1), ("a", "b", "c")]:
    try:
        s.replace(*bad)
    except TypeError as exc:
        print("TypeError:", exc)

# startswith / endswith / strip
for affix in ["", "he", "lo", "hello" * 4, "é", ("x", "lo"), ("x",)]:
    print(affix, s.startswith(affix), s.endswith(affix), s.startswith(affix, 5), s.endswith(affix, 0, 5),
          s.endswith(affix, -3, 100), "éhello".endswith(affix), "éhello".startswith(affix, 1))
for bad in [1, ("a", 1)]:
    try:
        s.startswith(bad)
    except TypeError as exc:
        print("TypeError:", exc)
for t in ["  x  ", "xxaxx", "", "   ", "aé a", "plain"]:
    print(repr(t.strip()), repr(t.strip("x")), repr(t.lstrip("x ")), repr(t.rstrip("é a")), repr(t.strip("")))
p = "plain" * 3
print(p.strip() is p, p.lstrip("z") is p, p.rstrip(None) is p, type(S(" a ").strip()).__name__,
      type(S("a").strip()).__name__)
try:
    p.strip(5)
except TypeError as exc:
    print("TypeError:", exc)

# slices (str, list, bytes share the index arithmetic)
t = "value=123"
seq = list(range(10))
b = b"0123456789"
for sl in [slice(6, None), slice(-3, None), slice(None, 100), slice(5, 2), slice(None, None, 2),
           slice(None, None, -1), slice(True, None), slice(None, 2 ** 70), slice(-2 ** 70, None),
           slice(8, 1, -3), slice(-100, 100, 3), slice(2 ** 63, -2 ** 63, -2 ** 63), slice(None, None, 2 ** 65)]:
    print(sl, repr(t[sl]), seq[sl], b[sl], repr("éüx"[sl]))
for bad in [slice(None, None, 0), slice("a", None)]:
    try:
        t[bad]
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)
print(t[0:0] == "", t[3:4], t[-1:], t[:] is t)

# hex / oct / bin
class Idx:
    def __index__(self):
        return 255


for v in [0, 1, -1, 255, -255, 2 ** 63 - 1, -2 ** 63, 2 ** 70, -2 ** 70, True, False, Idx()]:
    print(hex(v), oct(v), bin(v))
for bad in [1.5, "1", None]:
    try:
        hex(bad)
    except TypeError as exc:
        print("TypeError:", exc)

# f-strings and format()
i, n = 5, -5
for spec in ["05d", "<5", "^6", "*>4", "=6", "+d", " d", "é>4", "070d", "3d", "d", "", "x", ",", "_d", "100d", "-^7"]:
    print(repr(f"{i:{spec}}"), repr(f"{n:{spec}}"), repr(format(12345, spec)), repr(format(True, spec)))
for bad in ["05s", ".2d", "z5d"]:
    try:
        f"{i:{bad}}"
    except ValueError as exc:
        print("ValueError:", exc)
word = "word" * 4
print(f"{word}" is word, f"{i}" is f"{i}", f"{i}", f"{-12}", f"{i!r}", f"{S('sub')}", type(f"{S('sub')}").__name__)
print(f"x{i}y{n}z{'é'}{''}", f"{''}{''}" == "", f"{'ab'}{i:03}{'c' * 20}", len(f"{'é' * 3}{i}"))

# printf-style %
print(("%s" % word) is word, ("%s" % (word,)) is word, "%d:%s" % (5, "x"), "%d%%" % 5, "%i|%u" % (-3, 7),
      "%s" % 5, "%d" % True, "%s-%s" % ("é", "x"), "%5d|%-3s|" % (42, "a"), "a%sb" % ("",), "%(a)s" % {"a": 1})


class T(tuple):
    pass


print("%s" % T((1,)), "%s" % [1, 2], "%s %s" % T(("a", "b")))
for fmt, args in [("%d", ()), ("%d %d", (1,)), ("%s", (1, 2)), ("abc", 5), ("abc", "x"), ("%d", "x"),
                  ("%q", 1), ("%", 1), ("abc %", ()), ("%s", S("s"))]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)

# split's arguments by position and by name
print("a,b,c".split(",", 1), "a,b,c".split(sep=",", maxsplit=1), "a,b,c".rsplit(maxsplit=0), "a b".split(None, -1))
for call in [lambda: "a".split(",", 1, 2), lambda: "a".split(x=1), lambda: "a".split(",", sep=","),
             lambda: "a".split(1), lambda: "a".split(",", "1")]:
    try:
        call()
    except TypeError as exc:
        print("TypeError:", exc)
