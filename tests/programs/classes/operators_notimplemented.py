# NotImplemented makes Python try the other operand's reflected method.
class Meters:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        print("Meters.__add__")
        if isinstance(other, Meters):
            return Meters(self.n + other.n)
        return NotImplemented

    def __radd__(self, other):
        print("Meters.__radd__")
        if isinstance(other, int):
            return Meters(self.n + other)
        return NotImplemented

    def __eq__(self, other):
        print("Meters.__eq__")
        return NotImplemented


class Feet:
    def __radd__(self, other):
        print("Feet.__radd__")
        return "feet-sum"


print((Meters(1) + Meters(2)).n)
print((3 + Meters(2)).n)
print(Meters(1) + Feet())
print(sum([Meters(1), Meters(2)], Meters(0)).n)
try:
    Meters(1) + "x"
except TypeError as e:
    print(e)
m = Meters(1)
print(m == m, m == Meters(1), m != 3)
