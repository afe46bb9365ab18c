# Instantiation re-checks a class's own __abstractmethods__ whenever the class changes
# (Pyrite remembers "not abstract" per class version).


class A:
    pass


class B(A):
    pass


print(type(A()).__name__, type(B()).__name__)
A.__abstractmethods__ = frozenset({"g", "f"})
try:
    A()
except TypeError as e:
    print("TypeError:", e)
print(type(B()).__name__)
A.__abstractmethods__ = frozenset()
print(type(A()).__name__)
A.__abstractmethods__ = ("h",)
try:
    A()
except TypeError as e:
    print("TypeError:", e)
del A.__abstractmethods__
print(type(A()).__name__)
B.__abstractmethods__ = {"k"}
try:
    B()
except TypeError as e:
    print("TypeError:", e)
print(type(A()).__name__)
