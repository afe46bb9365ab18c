# In-place operators use __iXXX__ if present, else fall back to the binary one.
class Acc:
    def __init__(self, v):
        self.v = v

    def __iadd__(self, o):
        self.v += o
        return self

    def __isub__(self, o):
        self.v -= o
        return self

    def __imul__(self, o):
        self.v *= o
        return self

    def __ior__(self, o):
        return "ior-result"

    def __add__(self, o):
        return Acc(self.v + o + 1000)

    def __floordiv__(self, o):
        return Acc(self.v // o)


a = Acc(1)
orig = a
a += 5
print(a.v, a is orig)
a -= 2
a *= 10
print(a.v, a is orig)
a //= 3
print(a.v, a is orig)
b = Acc(0)
b |= 1
print(b)

lst = [1]
alias = lst
lst += [2]
print(alias, lst is alias)


class NoIadd:
    def __iadd__(self, o):
        return NotImplemented

    def __add__(self, o):
        return "fell back to __add__"


n = NoIadd()
n += 1
print(n)
