# str.format and % with user objects: __format__, attributes, items, __str__/__repr__.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __format__(self, spec):
        return "P(" + format(self.x, spec) + ", " + format(self.y, spec) + ")"
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)
class Box:
    def __getitem__(self, key):
        return "<" + str(key) + ">"
class Plain:
    pass
class Name(str):
    pass
p = Point(1.5, -2)
print("{}|{:.2f}|{!s}|{!r}|{0.x}|{0.y:+d}".format(p, p, p, p), format(p, ">6"), f"{p:e}")
print("%s %r %a" % (p, p, p), "%(a)s and %(b)s" % Box(), "{k} {0}".format_map(Box()) if False else "{[key]}".format(Box()))
n = Name("bob")
print("{:>6}|{!r}|{}".format(n, n, n.upper()), "%s/%5s" % (n, n), n.title(), n.center(7, "*"), n.split("o"))
try:
    print("{:>5}".format(Plain()))
except TypeError as e:
    print("TypeError:", e)
class Bad:
    def __format__(self, spec):
        return 42
try:
    format(Bad(), "")
except TypeError as e:
    print("TypeError:", e)
print("{0[1]}".format(Box()), "{x.x}".format(x=p))
