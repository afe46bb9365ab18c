# strip/lstrip/rstrip with default whitespace and explicit characters.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

samples = ["", "   ", "  a b  ", "\t\n a \r\x0b\x0c", "\xa0\u2003x\u3000", "xxhixx", "\x1c\x1da\x1e\x1f", "\u200bz\u200b"]
for s in samples:
    print(ascii(s), ascii(s.strip()), ascii(s.lstrip()), ascii(s.rstrip()), ascii(s.strip(None)))
print("xxhixy".strip("xy"), "xxhixy".lstrip("xy"), "xxhixy".rstrip("xy"), repr("abc".strip("abc")), "abc".strip(""))
print("ééaéé".strip("é"), "www.example.com".strip("cmowz."), "<<a>>".rstrip(">"))
show("strip(1)", lambda: "a".strip(1))
show("lstrip(1)", lambda: "a".lstrip(1))
show("rstrip('a', 'b')", lambda: "a".rstrip("a", "b"))
show("strip(chars='a')", lambda: "a".strip(chars="a"))
