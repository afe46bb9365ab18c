# %-formatting errors.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

cases = [
    ("not enough", lambda: "%s %s" % (1,)), ("too many", lambda: "%s" % (1, 2)), ("needs mapping", lambda: "%(a)s" % 1),
    ("missing key", lambda: "%(a)s" % {}), ("bad char", lambda: "%y" % 1), ("bad char nonascii", lambda: "%\u00e9" % 1),
    ("bad char newline", lambda: "%\n" % 1), ("%c str", lambda: "%c" % "ab"), ("%c float", lambda: "%c" % 1.5),
    ("%c range", lambda: "%c" % -1), ("%c big", lambda: "%c" % 0x110000), ("* str", lambda: "%*d" % ("a", 1)),
    ("incomplete", lambda: "%" % ()), ("incomplete tail", lambda: "abc %" % ()), ("incomplete 5", lambda: "%5" % (1,)),
    ("key incomplete", lambda: "%(a" % {}), ("star missing", lambda: "%.*f" % (1,)), ("unused single", lambda: "a" % 1),
    ("mixed", lambda: "%(a)s %s" % {"a": 1}), ("%5%", lambda: "%5%" % ()), ("%5% arg", lambda: "%5%" % (1,)),
    ("%(a)%", lambda: "%(a)%" % {"a": 1}), ("two from str", lambda: "%s %s" % "ab"), ("* huge", lambda: "%*d" % (2**70, 1)),
    ("width too big", lambda: "%99999999999999999999d" % 1), ("prec too big", lambda: "%.99999999999d" % 1),
    ("int % str", lambda: 5 % "a"), ("str %= ", lambda: "%d" % ()),
]
for label, f in cases:
    show(label, f)
