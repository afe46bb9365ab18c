# replace with counts, empty patterns and non-ASCII text.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

s = "one two one two one"
for args in [("one", "1"), ("one", "1", 2), ("one", "1", 0), ("one", "1", -1), ("", "-"), ("", "-", 3), ("o", ""), ("x", "y"), ("one two one", "!"), ("e", "ee", 1)]:
    show("replace%r" % (args,), lambda: s.replace(*args))
print("".replace("", "x"), repr("".replace("a", "b")), "abc".replace("", ""), "aaa".replace("a", "aa"))
print("naïve café".replace("é", "e").replace("ï", "i"), "\u4e00\u4e01\u4e00".replace("\u4e00", "x"), "abc".replace("b", "\U0001f600"))
show("replace(1, 'a')", lambda: s.replace(1, "a"))
show("replace('a', 1)", lambda: s.replace("a", 1))
show("replace(count=1)", lambda: s.replace("a", "b", count=1))
show("replace('a')", lambda: s.replace("a"))
show("replace('o', 'x', 1.5)", lambda: s.replace("o", "x", 1.5))
