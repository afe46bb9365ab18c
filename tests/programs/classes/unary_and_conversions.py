# Conversion dunders: __int__, __float__, __complex__, __round__, __len__, __reversed__.
class Num:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return int(self.v)

    def __float__(self):
        return float(self.v)

    def __round__(self, n=None):
        return ("round", n)

    def __reversed__(self):
        return iter(["r2", "r1"])

    def __trunc__(self):
        return "trunc"


n = Num(3.7)
print(int(n), float(n), round(n), round(n, 2))
print(list(reversed(n)))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i


print(list(reversed(Seq())))
try:
    int(object())
except TypeError as e:
    print(e)
