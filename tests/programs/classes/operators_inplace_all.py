# Every in-place operator dunder, each returning a tagged result.
class I:
    def __init__(self):
        self.log = []

    def _rec(name):
        def method(self, other):
            self.log.append((name, other))
            return self
        return method

    __iadd__ = _rec("iadd")
    __isub__ = _rec("isub")
    __imul__ = _rec("imul")
    __imatmul__ = _rec("imatmul")
    __itruediv__ = _rec("itruediv")
    __ifloordiv__ = _rec("ifloordiv")
    __imod__ = _rec("imod")
    __ipow__ = _rec("ipow")
    __ilshift__ = _rec("ilshift")
    __irshift__ = _rec("irshift")
    __iand__ = _rec("iand")
    __ior__ = _rec("ior")
    __ixor__ = _rec("ixor")


x = I()
keep = x
x += 1; x -= 2; x *= 3; x @= 4; x /= 5; x //= 6; x %= 7
x **= 8; x <<= 9; x >>= 10; x &= 11; x |= 12; x ^= 13
print(x is keep)
for entry in x.log:
    print(*entry)


class Plain:
    def __init__(self, v):
        self.v = v

    def __rsub__(self, other):
        return "rsub from " + repr(other)


y = 10
y -= Plain(1)
print(y)
try:
    z = Plain(1)
    z *= 2
except TypeError as e:
    print(e)
