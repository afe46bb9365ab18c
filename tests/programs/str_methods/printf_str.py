# %-formatting: s r a c %, mapping keys, * width/precision, tuple/single-argument rules.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

print("%s|%r|%a" % ("\u00e9", "\u00e9", "\u00e9"), "%5s|%-5s|%.2s|%5.1s|" % ("ab", "ab", "abc", "xyz"), "%05s|%-05s|" % ("z", "z"))
print("%c%c%c" % (65, "\u00e9", 0x1F600), "%3c|%-3c|" % ("x", 66), "100%%", "%s%%" % 5, "%%s" % ())
print("%(a)s %(b)r %(a)05d" % {"a": 7, "b": "x"}, "%(x y)s" % {"x y": 1}, "%(a(b))s" % {"a(b)": 2}, "%()s" % {"": 3})
print("%*d|%-*d|%.*f|%*.*f|" % (5, 1, 5, 2, 2, 3.14159, 8, 3, 2.71828), "%*s|" % (-4, "a"), "%.*s" % (-1, "abc"))
print("%s" % (1,), "%s" % ((1, 2),), "%s" % [1, 2], "%s" % {"k": 1}, "%s %s" % ("a", "b"), "x" % (), "x" % [], "x" % {})
print("%s %(a)s" % {"a": 1}, "%r" % None, "%a" % "\U0001f600", "%s" % "\ud7ff", "%5.2%" if False else "")
print("%s" % 1.0, "%r" % 1e22, "%s|%s" % (True, None), "%.3r" % "abcdef", "%-6r|" % "q")
