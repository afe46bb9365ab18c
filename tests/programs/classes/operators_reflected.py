# Reflected operators run when the left operand does not support the operation.
class R:
    def __radd__(self, o): return ("radd", o)
    def __rsub__(self, o): return ("rsub", o)
    def __rmul__(self, o): return ("rmul", o)
    def __rmatmul__(self, o): return ("rmatmul", o)
    def __rtruediv__(self, o): return ("rtruediv", o)
    def __rfloordiv__(self, o): return ("rfloordiv", o)
    def __rmod__(self, o): return ("rmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
    def __rpow__(self, o): return ("rpow", o)
    def __rlshift__(self, o): return ("rlshift", o)
    def __rrshift__(self, o): return ("rrshift", o)
    def __rand__(self, o): return ("rand", o)
    def __ror__(self, o): return ("ror", o)
    def __rxor__(self, o): return ("rxor", o)


r = R()
print(1 + r, 1 - r, 1 * r, 1 @ r)
print(1 / r, 1 // r, 1 % r, divmod(1, r))
print(1 ** r, 1 << r, 1 >> r)
print(1 & r, 1 | r, 1 ^ r)
print("s" + r, [1] * r)


# A subclass that overrides the reflected method gets priority.
class Base:
    def __add__(self, o):
        return "Base.__add__"

    def __radd__(self, o):
        return "Base.__radd__"


class Sub(Base):
    def __radd__(self, o):
        return "Sub.__radd__"


print(Base() + Sub())
print(Base() + Base())
print(Sub() + Base())
