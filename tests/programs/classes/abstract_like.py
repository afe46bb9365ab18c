# Abstract-ish base classes: methods raising NotImplementedError, template methods.
class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + " must implement area")

    def describe(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2


class Blob(Shape):
    pass


for shape in [Square(2), Circle(1), Blob()]:
    try:
        print(shape.describe())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
print(issubclass(NotImplementedError, RuntimeError))
