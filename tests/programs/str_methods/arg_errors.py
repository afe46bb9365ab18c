# Argument-count and keyword errors of every method, worded per CPython's parsers.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

names = ["capitalize", "casefold", "center", "count", "endswith", "expandtabs", "find", "format_map",
         "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
         "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "partition", "removeprefix",
         "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
         "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"]
for n in names:
    m = getattr(str, n)
    show(n + " 0", lambda: m("a"))
    show(n + " 5", lambda: m("a", 1, 1, 1, 1, 1))
    show(n + " kw", lambda: m("a", zzz=1))
show("maketrans 0", lambda: "a".maketrans())
show("maketrans 4", lambda: "a".maketrans("a", "b", "c", "d"))
show("maketrans kw", lambda: str.maketrans(x="a"))
show("unbound", lambda: str.upper())
show("descriptor", lambda: str.upper(1))
show("descriptor find", lambda: str.find(1, "a"))
print(str.upper("x"), str.join("-", "ab"), str.count("aXa", "a"))
