# Instance attributes, __init__, methods and __dict__.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(1, -2)
print(p.x, p.y, p.norm1())
q = p.moved(3, 3)
print(q.x, q.y)
print(sorted(p.__dict__.items()))
p.z = 5
print(sorted(vars(p)))
del p.x
print(hasattr(p, "x"), getattr(p, "x", "gone"))
setattr(p, "x", 10)
print(p.x, type(p).__name__, type(p) is Point)
try:
    p.missing
except AttributeError as e:
    print(e)
m = p.norm1
print(m())
print(Point.norm1(q))
