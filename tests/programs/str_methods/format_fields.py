# str.format: automatic, manual and named fields, conversions, escapes.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

print("{} {} {}".format(1, "a", 2.5), "{0}{1}{0}".format("ab", "cd"), "{x}-{y}".format(x=1, y=[2]))
print("{{}} {{{}}} }}{{".format(7), "{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>8}|".format("x"))
print("{:>6}|{:<6}|{:^6}|{:*^7}|".format("ab", "cd", "ef", "g"), "{:05d} {:+.2f} {:x} {:#b} {:,}".format(42, 3.14159, 255, 5, 1234567))
print("{0.args} {1.__name__}".format(ValueError("boom", 2), len), "{0[1]} {0[0]} {1[k]} {1[0]}".format([10, 20], {"k": "v", 0: "zero"}))
print("{a[0][1]}".format(a=[[1, 2]]), "{0[x y]}".format({"x y": 5}), "{}".format(None), "{:}".format(3), "{!s:}".format(4))
print("{0}".format(*["only"]), "{}{}".format(*"ab"), "{name}".format(**{"name": "kw"}))
print("\u00e9{}\U0001f600{}".format("\u4e00", "x"), "{:\u00b7^9}".format("mid"), "{:.3}".format("abcdef"), "{:10.3f}|".format(2.0))
print("{0:{1}}|{0:{fill}{align}{width}}|".format("v", 4, fill="_", align=">", width=5), "{:{}}|".format("a", 3), "{:{}.{}f}".format(3.14159, 8, 2))
print("{:%}".format(0.25), "{:e}".format(12345.678), "{:g}".format(1e-7), "{:n}".format(1234), "{:c}".format(65), "{:o}".format(8))
print("{0}".format(True), "{:d}".format(True), "{:>5}".format(True), "{}".format(2**70), "{:_x}".format(2**40))
print("".format(), "plain".format(1, 2, x=3), "{:}".format(""), repr("{}".format("")))
