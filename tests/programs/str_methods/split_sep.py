# split/rsplit with an explicit separator, maxsplit, keywords and errors.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

samples = ["", "a,b,c", ",a,,b,", "a,,b", ",,,", "abc"]
for s in samples:
    for n in [-1, 0, 1, 2, 10]:
        print(repr(s), n, s.split(",", n), s.rsplit(",", n))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "aaa".split("aa"), "aaa".rsplit("aa"))
print("x\u00e9y\u00e9z".split("\u00e9"), "x\u00e9y\u00e9z".rsplit("\u00e9", 1), "ab".split("\u00e9"), "a\U0001f600b".split("\U0001f600"))
print("1 2 3".split(sep=" ", maxsplit=1), "1 2 3".rsplit(" ", maxsplit=1), "a b".split(" ", True))
show("split('')", lambda: "a".split(""))
show("rsplit('')", lambda: "a".rsplit(""))
show("split(1)", lambda: "a".split(1))
show("split(foo=1)", lambda: "a".split(foo=1))
show("split(',', sep=',')", lambda: "a".split(",", sep=","))
show("split(',', 1, 2)", lambda: "a".split(",", 1, 2))
show("split(maxsplit='x')", lambda: "a".split(maxsplit="x"))
show("split(maxsplit=2**70)", lambda: "a b".split(maxsplit=2**70))
show("rsplit(None, 1.0)", lambda: "a b".rsplit(None, 1.0))
