# join over lists, tuples, strings, iterators and bad items.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

print(",".join(["a", "b", "c"]), "".join(("x", "y")), "-".join("abc"), repr(", ".join([])), "\u00e9".join(["a", "b"]))
print("+".join(["\U0001f600", "\u4e00", "a"]), " ".join(x for x in ["p", "q"]), "|".join({"k": 1, "j": 2}))
show("join([1])", lambda: ",".join(["a", 1]))
show("join(5)", lambda: ",".join(5))
show("join()", lambda: ",".join())
show("join(None)", lambda: ",".join([None]))
