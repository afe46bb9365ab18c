# Both operands return NotImplemented: TypeError names both types.
class A:
    def __add__(self, other):
        return NotImplemented


class B:
    def __radd__(self, other):
        return NotImplemented


print(type(A()).__name__, type(B()).__name__)
A() + B()
