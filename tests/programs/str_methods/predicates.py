# The is* predicates on ASCII, empty and non-ASCII strings.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

samples = ["", " ", "abc", "ABC", "Abc", "aBc", "abc123", "123", "12.5", "\t\n", "\x0b\x1c\x1f", "\xa0", "\u2003",
           "\u0660\u0661", "\u00b2", "\u2155", "\u4e00\u4e8c", "\u2167", "Ⅻ", "ǅ", "ǅa", "Hello World", "Hello world",
           "HELLO", "hello", "_x", "1x", "x1", "é", "\u0301", "ab\x00", "\x7f", "\u200b", "a b", "\U0001f600", "\u0e01\u0e31"]
for s in samples:
    print(ascii(s), s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(), s.isidentifier(),
          s.islower(), s.isnumeric(), s.isprintable(), s.isspace(), s.istitle(), s.isupper())
