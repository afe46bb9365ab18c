# Defining __eq__ without __hash__ makes instances unhashable.
class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return self.x == other.x


print(Point(1) == Point(1))
seen = {Point(1)}
