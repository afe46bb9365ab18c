# partition/rpartition.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

for s in ["", "a=b", "a=b=c", "abc", "=", "==", "key: value: x"]:
    for sep in ["=", ": ", "b"]:
        print(repr(s), repr(sep), s.partition(sep), s.rpartition(sep))
print("x\u00e9y".partition("\u00e9"), "x\u00e9y\u00e9z".rpartition("\u00e9"), "abc".partition("\u00e9"))
show("partition('')", lambda: "a".partition(""))
show("rpartition('')", lambda: "a".rpartition(""))
show("partition(1)", lambda: "a".partition(1))
show("partition()", lambda: "a".partition())
