# str.encode: codec lookup and encoding errors (Pyrite has no bytes yet: successful
# encodes raise NotImplementedError there, so only failures are printed here).
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

def fails(label, f):
    try:
        f()
    except NotImplementedError:
        print(label, "unsupported")
    except (LookupError, UnicodeError, TypeError) as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "ok")
fails("unknown", lambda: "a".encode("foo"))
fails("ascii", lambda: "\u00e9".encode("ascii"))
fails("ascii run", lambda: "ab\u00e9\u00e8c".encode("ascii"))
fails("latin1", lambda: "a\u0100".encode("latin-1"))
fails("latin1 wide", lambda: "a\U0001f600".encode("iso-8859-1"))
fails("utf8 surrogate", lambda: ("a" + chr(0xd800)).encode())
fails("utf8 surrogates", lambda: (chr(0xd800) + chr(0xdc00)).encode("utf-8"))
fails("utf16 surrogate", lambda: chr(0xdfff).encode("utf-16"))
fails("utf32 surrogate", lambda: chr(0xdfff).encode("utf_32_be"))
fails("bad handler", lambda: "\u00e9".encode("ascii", "bogus"))
fails("encoding type", lambda: "a".encode(1))
fails("errors type", lambda: "a".encode("utf-8", 1))
fails("kw", lambda: "a".encode(foo=1))
fails("too many", lambda: "a".encode("a", "b", "c"))
fails("surrogateescape", lambda: "\u00e9".encode("ascii", "surrogateescape"))
fails("surrogatepass ascii", lambda: chr(0xd800).encode("ascii", "surrogatepass"))
fails("dup", lambda: "a".encode("utf-8", encoding="utf-8"))
