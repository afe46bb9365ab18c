# Sizes and the object protocol's own descriptors: an instance's __dict__ made from
# inline values shares its class's keys (sys.getsizeof counts a values array for them);
# object.__sizeof__, object.__class__ and object.__dir__.
import sys


class A:
    def __init__(self):
        self.x = 1
        self.y = 2
        self.z = 3


a = A()
print(sys.getsizeof(a), sys.getsizeof(a.__dict__))
b = A()
b.w = 4
print(sys.getsizeof(b.__dict__))
print(sys.getsizeof({"x": 1, "y": 2, "z": 3}))
print(A().__sizeof__(), object().__sizeof__(), [].__sizeof__(), [1, 2].__sizeof__(), "ab".__sizeof__())
print((1,).__sizeof__(), {}.__sizeof__(), a.__dict__.__sizeof__())
print(type(object.__dict__["__class__"]).__name__, object.__dict__["__class__"], object.__dict__["__class__"].__get__(a))
print(dir(a) == sorted(object.__dir__(a)), object.__dir__(a)[:5])
print(type(object.__sizeof__).__name__, object.__sizeof__, object.__dir__)
print(dir(A) == sorted(set(dir(a)) - {"x", "y", "z"}))
print([n for n in dir(A) if n in ("__class__", "__dir__", "__sizeof__", "__dict__", "__weakref__")])
