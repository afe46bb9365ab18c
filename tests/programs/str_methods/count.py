# count with overlapping patterns, empty needle and slices.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

s = "aaaaa"
for args in [("a",), ("aa",), ("aaa",), ("",), ("", 2), ("", 5), ("", 6), ("a", 1, 3), ("a", -2), ("b",), ("aa", 1, -1)]:
    show("count%r" % (args,), lambda: s.count(*args))
print("ab\u00e9ab\u00e9".count("\u00e9"), "\u4e00\u4e00\u4e00".count("\u4e00\u4e00"), "".count(""), "abc".count("\u00e9"))
show("count(None)", lambda: s.count(None))
show("count('a', 1.0)", lambda: s.count("a", 1.0))
