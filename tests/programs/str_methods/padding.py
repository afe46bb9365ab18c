# center/ljust/rjust/zfill.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

for s in ["", "a", "ab", "abc", "\u00e9t\u00e9"]:
    for w in [-1, 0, 2, 5, 6]:
        print(repr(s), w, repr(s.center(w)), repr(s.ljust(w, "*")), repr(s.rjust(w, "\u00b7")), repr(s.center(w, "-")))
for s in ["", "42", "-42", "+42", "--", "abc", "-", "\u0664\u0662"]:
    print(repr(s), repr(s.zfill(0)), repr(s.zfill(5)), repr(s.zfill(-3)))
show("center()", lambda: "a".center())
show("center(5, 'ab')", lambda: "a".center(5, "ab"))
show("center(5, 1)", lambda: "a".center(5, 1))
show("ljust('5')", lambda: "a".ljust("5"))
show("rjust(2**70)", lambda: "a".rjust(2**70))
show("zfill()", lambda: "a".zfill())
show("zfill(1.5)", lambda: "a".zfill(1.5))
show("ljust(width=5)", lambda: "a".ljust(width=5))
print(repr("a".center(4)), repr("ab".center(5)), repr("abc".center(6)), repr("a".center(5, "\U0001f600")))
