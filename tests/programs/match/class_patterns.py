# Class patterns with __match_args__, keywords and builtin types.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Circle:
    __match_args__ = ("center", "r")

    def __init__(self, center, r):
        self.center = center
        self.r = r


def where(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return "on y axis at %d" % y
        case Point(x=0) | Point(y=0):
            return "on an axis"
        case Point(x, y) if x == y:
            return "diagonal"
        case Circle(Point(x, y), r=radius):
            return "circle at %d,%d r=%d" % (x, y, radius)
        case Point():
            return "some point"
        case int(n) | float(n):
            return "number %r" % n
        case str() as s:
            return "string of length %d" % len(s)
        case _:
            return "unknown"


for o in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 9),
          Circle(Point(1, 2), 3), 7, 2.5, "text", True, None]:
    print(where(o))
