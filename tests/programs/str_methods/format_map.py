# str.format_map with dicts and other mappings.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

print("{a}-{b}".format_map({"a": 1, "b": 2}), "{x[0]}".format_map({"x": "yz"}), "{a!r:>5}".format_map({"a": "q"}), "plain".format_map(1))
print("{0}".format_map({0: "int key"}) if False else "skip", "{k}".format_map({"k": [1, 2]}), "{k.args}".format_map({"k": KeyError("e")}))
show("{}", lambda: "{}".format_map({}))
show("{0}", lambda: "{0}".format_map({0: 1}))
show("{a}", lambda: "{a}".format_map({}))
show("{a} list", lambda: "{a}".format_map([1]))
show("no args", lambda: "{a}".format_map())
show("two args", lambda: "{a}".format_map({}, {}))
show("kw", lambda: "{a}".format_map(m={}))
