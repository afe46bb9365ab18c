# expandtabs: columns reset at newlines, custom and non-positive tab sizes.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

samples = ["", "\t", "a\tb", "ab\tc\td", "abcdefgh\ti", "a\tb\nc\td", "x\r\ty", "\u00e9\tx"]
for s in samples:
    print(ascii(s), ascii(s.expandtabs()), ascii(s.expandtabs(4)), ascii(s.expandtabs(tabsize=1)), ascii(s.expandtabs(0)), ascii(s.expandtabs(-3)))
show("expandtabs('x')", lambda: "a".expandtabs("x"))
show("expandtabs(2, 3)", lambda: "a".expandtabs(2, 3))
show("expandtabs(size=2)", lambda: "a".expandtabs(size=2))
