# startswith/endswith with tuples, start/end; removeprefix/removesuffix.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

s = "hello world"
tests = [("hello",), ("world",), ("",), (("x", "he"),), (("x", "y"),), ((),), ("world", 6), ("hello", 0, 4), ("lo", 0, 5), ("", 11), ("", 12),
         ("o", -1), ("hello", -100), ("d", 5, -1), ("", 5, 2)]
for args in tests:
    show("startswith%r" % (args,), lambda: s.startswith(*args))
    show("endswith%r" % (args,), lambda: s.endswith(*args))
show("startswith(1)", lambda: s.startswith(1))
show("endswith(['a'])", lambda: s.endswith(["a"]))
show("startswith(('h', 1))", lambda: s.startswith(("h", 1)))
show("startswith(('x', 1))", lambda: s.startswith(("x", 1)))
show("startswith(kw)", lambda: s.startswith(prefix="h"))
print("ünïcode".startswith("ün"), "ünïcode".endswith("de"), "ab".endswith("\u00e9"))
for a, b in [("", ""), ("he", "ld"), ("hello world", "hello world"), ("hello world!", "!"), ("x", "o")]:
    print(repr(s.removeprefix(a)), repr(s.removesuffix(a)), repr(s.removesuffix(b)))
show("removeprefix(None)", lambda: s.removeprefix(None))
show("removesuffix()", lambda: s.removesuffix())
