# str.format on ASCII and non-ASCII format strings: literals, braces, fields with
# conversions, nested specs, keywords, attribute/index parts and the error messages.
class P:
    x = 3
    def __format__(self, spec):
        return "P<" + spec + ">"

print("{}-{}".format(1, 2), "{0}{1}{0}".format("a", "b"), "{{}} {{{}}}".format(7))
print("x={0} y={1!r} z={k:>5}".format(4, "ab", k=9))
print("{:{w}.{p}f}|".format(3.14159, w=10, p=2), "{0:{1}}|".format("s", 4))
print("{p.x} {d[k]} {l[1]}".format(p=P, d={"k": "v"}, l=[5, 6]))
print("{}".format(P()), "{:abc}".format(P()), "{!s:>3}".format(1))
print("caf\xe9 {}".format("\u20ac"), "{} \xe9".format("a"), "a{}b".format("\u20ac\U0001f600"))
print("{:\u20ac^7}".format("x"), "{0:{1}}".format("y", "\u20ac>3"))
print(repr("{}".format(chr(0xD800))), repr("\xe9{}".format(chr(0xD800))), "{!a}".format("\xe9"))
print("{a}".format_map({"a": 1}), "{a}{b}".format(a="\xe9", b="x"))
print("".format(), "{{".format(), "}}{{".format())
for bad in ["{", "}", "{0", "{!}", "{0!x}", "{0[}", "{:{:{}}}", "{}{0}", "{0}{}", "{a.}", "{0]", "{9}"]:
    try:
        print(repr(bad.format(1, 2, a=3)))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(bad, type(e).__name__, e)
try:
    "{nope}".format(x=1)
except KeyError as e:
    print("KeyError", e)
try:
    "{\xe9}".format(x=1)
except KeyError as e:
    print("KeyError", e)
try:
    "{nope}".format_map({})
except KeyError as e:
    print("KeyError", e)
# printf-style: the plain %s / %d copies and the padded, flagged and non-str cases.
print("%s-%d|%d|%s|%i|%u" % ("ab", 5, -12, "\xe9", 0, 7), "%s" % "x", "%d" % True, "%5d|%-3s|" % (1, "a"))
print("%s %d" % (chr(0x20AC), -(2**70)), "%s|%r" % (1.5, "q"), "%(a)s%(b)d" % {"a": "k", "b": 3})
