# Lone surrogates survive searching, splitting, case mapping and formatting.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

hi = chr(0xd800)
lo = chr(0xdc00)
s = "a" + hi + "b" + lo + "c"
print(len(s), s.find(hi), s.rfind(lo), s.count(hi), ascii(s.split(hi)), ascii(s.upper()), ascii(s.replace(lo, "-")))
print(ascii(s.partition("b")), ascii(s.center(9, "*")), ascii(s[1]), s.isprintable(), hi.isalpha(), ascii("{}|{!r}".format(hi, lo)))
print(ascii("%s%r" % (hi, lo)), ascii(s.swapcase()), ascii(s.title()), ascii((hi + lo).strip(hi)), (hi + lo) == (hi + lo), len(hi + lo))
