# super() with zero arguments and with two arguments.
class A:
    def hello(self):
        return "A"

    @classmethod
    def make(cls):
        return "A.make(" + cls.__name__ + ")"


class B(A):
    def hello(self):
        return "B>" + super().hello()

    @classmethod
    def make(cls):
        return "B." + super().make()


class C(B):
    def hello(self):
        return "C>" + super(B, self).hello()

    def both(self):
        return super(C, self).hello()


c = C()
print(c.hello())
print(c.both())
print(C.make())
print(super(C, c).hello())
print(super(B, C).make())


class D(A):
    def __init__(self):
        super().__init__()
        self.ok = True

    def inner(self):
        out = []
        for _ in range(2):
            out.append(super().hello())
        return out


print(D().ok, D().inner())
