# splitlines on every line boundary Python knows, with and without keepends.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

samples = ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\n\rc", "\n\n", "a\x0bb\x0cc", "a\x1cb\x1dc\x1ed", "a\x85b", "a\u2028b\u2029c", "a\x1fb", "\r\n\r", "trailing\r"]
for s in samples:
    print(ascii(s), [ascii(x) for x in s.splitlines()], [ascii(x) for x in s.splitlines(True)], [ascii(x) for x in s.splitlines(keepends=True)])
show("splitlines(keepends=1, x=2)", lambda: "a".splitlines(keepends=1, x=2))
show("splitlines(x=1)", lambda: "a".splitlines(x=1))
show("splitlines(1, 2)", lambda: "a".splitlines(1, 2))
show("splitlines('x')", lambda: "a".splitlines("x"))
