# split()/rsplit() with no separator: runs of Unicode whitespace, maxsplit.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

samples = ["", "   ", "a", "  a  b   c  ", "a\tb\nc\rd\x0be\x0cf", "a\x1cb\x1dc\x1ed\x1fe", "a\xa0b\u2003c\u3000d", "a\u200bb", "  lead", "trail  "]
for s in samples:
    print(ascii(s), s.split(), s.rsplit())
    for n in [0, 1, 2, -1]:
        print("   ", n, s.split(None, n), s.rsplit(None, n), s.split(maxsplit=n), s.rsplit(sep=None, maxsplit=n))
