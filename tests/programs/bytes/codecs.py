# str.encode and bytes.decode: utf-8, ascii, latin-1, utf-16 and utf-32 (BOM, -le/-be),
# codec name aliases, every error handler, and the exact UnicodeError messages and fields.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except (UnicodeError, LookupError, TypeError) as e:
        print(label, "!!", type(e).__name__ + ":", e)


text = "h\xe9llo \u20ac \U0001f600"
for enc in ["utf-8", "utf8", "UTF-8", "U8", "latin1", "iso-8859-1", "ascii", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf_32_le", "UTF-32BE"]:
    show("encode " + enc, lambda: text.encode(enc))
    show("encode ignore " + enc, lambda: text.encode(enc, "ignore"))
for handler in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    show("ascii " + handler, lambda: "a\xe9\u20ac\U0001f600b".encode("ascii", handler))
show("surrogateescape", lambda: ("a" + chr(0xdcff) + chr(0xdc80)).encode("utf-8", "surrogateescape"))
show("surrogatepass", lambda: ("a" + chr(0xd800)).encode("utf-8", "surrogatepass"))
show("surrogatepass 16", lambda: chr(0xdc00).encode("utf-16-le", "surrogatepass"))
show("default", lambda: "\u20ac".encode())
show("kw", lambda: "x".encode(errors="strict", encoding="latin-1"))

for data in [b"caf\xc3\xa9", b"\xff", b"a\x80b", b"\xe2\x82", b"\xe2\x28\xa1", b"\xf0\x90\x28", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"ok\xe2\x82\xac"]:
    for handler in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]:
        show(repr(data) + " " + handler, lambda: data.decode("utf-8", handler))
show("surrogatepass decode", lambda: b"\xed\xa0\x80".decode("utf-8", "surrogatepass"))
show("roundtrip", lambda: b"a\xff\xfe".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
show("ascii decode", lambda: b"ab\xe9\xe8".decode("ascii"))
show("ascii replace", lambda: b"ab\xe9\xe8".decode("ascii", "replace"))
show("latin-1 decode", lambda: bytes(range(250, 256)).decode("latin-1"))
show("utf-16 bom le", lambda: b"\xff\xfeh\x00i\x00".decode("utf-16"))
show("utf-16 bom be", lambda: b"\xfe\xff\x00h\x00i".decode("utf-16"))
show("utf-16 no bom", lambda: b"h\x00i\x00".decode("utf-16"))
show("utf-16-be pair", lambda: b"\xd8\x3d\xde\x00".decode("utf-16-be"))
show("utf-16 truncated", lambda: b"h\x00i".decode("utf-16-le"))
show("utf-16 lone low", lambda: b"\x00\xdc".decode("utf-16-le"))
show("utf-16 bad pair", lambda: b"\x00\xd8a\x00".decode("utf-16-le"))
show("utf-16 unexpected end", lambda: b"\x00\xd8".decode("utf-16-le"))
show("utf-32", lambda: "hi\U0001f600".encode("utf-32").decode("utf-32"))
show("utf-32 be", lambda: b"\x00\x00\x00h".decode("utf-32-be"))
show("utf-32 truncated", lambda: b"h\x00\x00".decode("utf-32-le"))
show("utf-32 too big", lambda: b"\x00\x00\x11\x00".decode("utf-32-le"))
show("utf-32 surrogate", lambda: b"\x00\xd8\x00\x00".decode("utf-32-le"))
show("unknown encoding", lambda: b"x".decode("nope"))
show("unknown handler ok", lambda: b"x".decode("utf-8", "nope"))
show("unknown handler err", lambda: b"\xff".decode("utf-8", "nope"))
show("decode type", lambda: b"x".decode(1))
show("xmlcharrefreplace decode", lambda: b"\xff".decode("utf-8", "xmlcharrefreplace"))

try:
    b"ab\xffcd".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, e.args)
try:
    "ab\xe9".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason, e.args)
e = UnicodeDecodeError("utf-8", b"\x80\x81", 0, 2, "custom reason")
print(str(e), e.start, e.end, isinstance(e, ValueError), isinstance(e, UnicodeError))
e = UnicodeEncodeError("ascii", "\u20ac", 0, 1, "nope")
print(str(e), e.object)
b"\xc3".decode()
