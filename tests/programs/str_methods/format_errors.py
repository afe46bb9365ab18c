# str.format errors, with CPython's messages.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

cases = [
    ("{", lambda: "{".format()), ("}", lambda: "}".format()), ("a}b", lambda: "a}b".format()), ("{0", lambda: "{0".format(1)),
    ("{0}{}", lambda: "{0}{}".format(1, 2)), ("{}{0}", lambda: "{}{0}".format(1, 2)), ("{1}", lambda: "{1}".format(1)),
    ("{}", lambda: "{}".format()), ("{a}", lambda: "{a}".format()), ("{a}kw", lambda: "{a}".format(b=1)),
    ("{!x}", lambda: "{!x}".format(1)), ("{0!}", lambda: "{0!}".format(1)), ("{0!r", lambda: "{0!r".format(1)),
    ("{0!rx}", lambda: "{0!rx}".format(1)), ("{0!", lambda: "{0!".format(1)), ("{0:{}}", lambda: "{0:{}}".format(1, 2)),
    ("{:d}", lambda: "{:d}".format("a")), ("{0.}", lambda: "{0.}".format(1)), ("{0[}", lambda: "{0[}".format(1)),
    ("{0]}", lambda: "{0]}".format(1)), ("{0[0]x}", lambda: "{0[0]x}".format([1])), ("{0[]}", lambda: "{0[]}".format([1])),
    ("{0:{1}}", lambda: "{0:>{1}}".format("a")), ("{:{:{}}}", lambda: "{:{:{}}}".format(1, 2, 3)), ("{0[0]}", lambda: "{0[0]}".format([])),
    ("{0.foo}", lambda: "{0.foo}".format(1)), ("{a{b}", lambda: "{a{b}".format()), ("{:x}", lambda: "{:x}".format("s")),
    ("{:s}", lambda: "{:s}".format(1)), ("{:,s}", lambda: "{:,s}".format("a")), ("{:=5}", lambda: "{:=5}".format("a")),
    ("{:+}", lambda: "{:+}".format("a")), ("{:.2d}", lambda: "{:.2d}".format(1)), ("{:z}", lambda: "{:z}".format(1.0)),
    ("{99999999999999999999}", lambda: "{99999999999999999999}".format()), ("{0[99999999999999999999]}", lambda: "{0[99999999999999999999]}".format([])),
    ("{:>{}}", lambda: "{:>{}}".format("a")), ("{:>{}}x", lambda: "{:>{}}".format("a", "b")),
]
for label, f in cases:
    show(label, f)
