# __slots__ restricts instance attributes and removes __dict__.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
print(p.x, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.y
except AttributeError as e:
    print(e)
p.y = 2
print(p.y)
del p.y
print(hasattr(p, "y"))


class Q(P):
    pass


q = Q(5)
q.anything = 1
print(q.anything, hasattr(q, "__dict__"))


class R(P):
    __slots__ = ("w",)


r = R(0)
r.w = 4
print(r.x, r.w)
try:
    r.v = 1
except AttributeError:
    print("no v on R")
print(P.__slots__, type(P.__dict__["x"]).__name__)
