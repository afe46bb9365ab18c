# find/rfind/index/rindex with start and end, negative and huge indexes.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

s = "abracadabra"
for args in [("a",), ("bra",), ("z",), ("",), ("a", 1), ("a", -3), ("a", 100), ("", 11), ("", 12), ("a", 2, 4),
             ("a", -100, -5), ("abra", 0, 4), ("abra", 0, 3), ("a", None, None), ("a", 3, None), ("", 5, 2), ("a", 2**80), ("a", -2**80)]:
    show("find%r" % (args,), lambda: s.find(*args))
    show("rfind%r" % (args,), lambda: s.rfind(*args))
    show("index%r" % (args,), lambda: s.index(*args))
    show("rindex%r" % (args,), lambda: s.rindex(*args))
u = "ñandú ñandú"
print(u.find("ú"), u.rfind("ú"), u.find("dú", 5), u.index("ñ", 1), "x\U0001f600y\U0001f600".rfind("\U0001f600"))
print("".find(""), "".rfind(""), "".find("a"), "abc".find("é"), "é".find("abc"))
show("find(1)", lambda: s.find(1))
show("find('a', 'x')", lambda: s.find("a", "x"))
show("find()", lambda: s.find())
show("find(kw)", lambda: s.find(sub="a"))
