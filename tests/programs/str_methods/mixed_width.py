# Methods on strings mixing one-, two- and four-byte storage.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

s = "ascii \u00e9t\u00e9 \u4e2d\u6587 \U0001f600 end"
print(len(s), s.upper(), s.title(), s.split(), s.find("\u6587"), s.rfind(" "), s.index("\U0001f600"))
print(s.replace(" ", "_"), s.center(30, "."), s.rsplit(" ", 2), s.partition("\u4e2d"), s.count("e"))
print(s.startswith("ascii"), s.endswith(("end", "x")), s.strip("asd"), s.expandtabs(), s.zfill(32))
print(s.encode is not None, s.isprintable(), s.casefold(), "-".join(s.split(" ")), "\u4e2d\u6587".isalpha(), s[7], s[-5])
