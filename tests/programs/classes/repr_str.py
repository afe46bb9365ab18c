# __repr__ and __str__: which is used where.
class Both:
    def __repr__(self):
        return "Both()"

    def __str__(self):
        return "both"


class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"


class StrOnly:
    def __str__(self):
        return "str-only"


b = Both()
print(b, str(b), repr(b))
print([b], (b,), {"k": b})
print(f"{b} {b!r} {b!s}")
print("%s %r" % (b, b))
r = ReprOnly()
print(r, str(r), [r])
s = StrOnly()
print(s, repr(s).startswith("<__main__.StrOnly object at "))


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print(e)
