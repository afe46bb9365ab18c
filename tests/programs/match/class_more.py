# Class patterns: inheritance of __match_args__, missing attributes, dotted classes.
class Base:
    __match_args__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Child(Base):
    pass


class Other(Base):
    __match_args__ = ("b",)


class Lazy:
    @property
    def value(self):
        return 42


class ns:
    Base = Base


def check(o):
    match o:
        case Other(b):
            return "other b=%r" % (b,)
        case Child(1, b=2):
            return "child 1 2"
        case ns.Base(a, b) if a == b:
            return "same %r" % (a,)
        case Base(a, missing=m):
            return "missing?"
        case Lazy(value=v):
            return "lazy %d" % v
        case Base(a, b):
            return "base %r %r" % (a, b)
        case bool(x):
            return "bool %r" % x
        case int(x) | float(x):
            return "number %r" % x
        case list([x, y]):
            return "list of two %r %r" % (x, y)
        case tuple((x,)):
            return "1-tuple %r" % x
        case dict({"k": v}):
            return "dict k=%r" % v
        case str(s) if s:
            return "str %s" % s
        case set() | frozenset():
            return "a set"
        case object():
            return "object"


for o in [Other(1, 2), Child(1, 2), Child(3, 3), Base(4, 5), Lazy(), True, 3, 2.5,
          [1, 2], (9,), {"k": 0}, "s", "", {1}, frozenset(), None]:
    print(check(o))
