# `s += t` grows a str in place when the variable holds its only reference: results,
# identities and every other reference to the old text must be as if a new str were made.


def build(n, piece):
    s = ""
    for i in range(n):
        s += piece
    return s


print(build(40, "ab"), len(build(1000, "xyz")))

# The text seen elsewhere before the += never changes.
def shared():
    s = "start-" * 3
    kept = s
    s += "more"
    print(kept, s, kept is s)
    items = [s]
    s += "!"
    print(items[0], s)
    d = {s: 1}
    s += "?"
    print(list(d), s, d.get("start-start-start-more!"))
    t = s
    s = s + "+"
    print(t, s)


shared()

# Hashes are computed again for the grown text.
def hashing():
    s = "key-" * 5
    h1 = hash(s)
    s += "x"
    print(hash(s) == hash("key-key-key-key-key-x"), h1 == hash("key-" * 5))
    d = {s: "found"}
    print(d["key-key-key-key-key-x"])
    s += "y"
    print(s in d, "key-key-key-key-key-xy" == s)


hashing()

# Identity: an empty operand gives the other str itself; one-character strs stay shared.
def identity():
    a = "abc" * 2
    b = a
    a += ""
    print(a is b)
    e = ""
    e += b
    print(e is b)
    z, q, r = chr(122), chr(113), chr(114)
    c = z
    c += ""
    print(c is z)
    x = ""
    x += q
    print(x is q)
    y = q
    y += r
    print(y, y[0] is q, y[1] is r)
    ab = "a" + chr(98)
    s = ab
    s = s + ""
    print(s is ab)
    s += "c"
    print(s, ab)

identity()

# Growing across the inline limit and the ASCII/Latin-1/UCS-2/UCS-4 widths.
def widths():
    s = ""
    for ch in "abcdefghijklmnopqrstuvwxyz":
        s += ch
    print(s, len(s))
    s += "é"
    print(s, len(s), s[-1])
    s += "ü"
    s += "a"
    print(s[-3:], len(s))
    s += "€"
    print(s[-4:], len(s))
    s += "b"
    s += "ÿ"
    print(s[-3:])
    s += "😀"
    s += "c"
    s += "€"
    print(s[-4:], len(s), s.encode("utf-8")[-8:])
    w = "é" * 20
    w += "abc"
    w += "ñ"
    print(w[-5:], len(w), w.upper()[-4:])
    u = "€" * 20
    u += "x"
    u += "é"
    u += "€"
    print(u[-4:], len(u))
    v = "😀" * 3
    v += "a"
    v += "é€"
    print(v, len(v))


widths()

# str subclasses are never grown in place; their results are plain strs.
class S(str):
    def __add__(self, other):
        return "S+" + str.__add__(self, other)


class T(str):
    pass


def subclasses():
    s = S("base")
    s += "x"
    print(s, type(s).__name__)
    t = T("base" * 5)
    u = t
    t += "x"
    print(t, type(t).__name__, u, type(u).__name__)
    r = "left" * 5
    r += T("y")
    print(r, type(r).__name__)
    e = T("")
    p = "plain"
    q = p + e
    print(q, type(q).__name__, q is p)
    q = e + p
    print(q, type(q).__name__, q is p)
    q = T("abc") + ""
    print(q, type(q).__name__)


subclasses()

# Errors keep CPython's messages, and the variable keeps its value.
def errors():
    s = "text" * 4
    try:
        s += 5
    except TypeError as exc:
        print("TypeError:", exc)
    print(s)
    try:
        s = s + None
    except TypeError as exc:
        print("TypeError:", exc)
    print(s)
    n = 5
    try:
        n += "a"
    except TypeError as exc:
        print("TypeError:", exc)


errors()

# Globals, closures and attributes take the general path with the same results.
g = "glob" * 4
for ch in "xyz":
    g += ch
print(g)


def closure():
    c = "cell" * 4

    def inner():
        return c

    for ch in "xyz":
        c += ch
    return inner()


print(closure())


class Box:
    pass


box = Box()
box.text = "attr" * 4
alias = box.text
for ch in "xyz":
    box.text += ch
print(box.text, alias)
