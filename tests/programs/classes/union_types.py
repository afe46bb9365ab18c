# X | Y of types: types.UnionType, flattening, de-duplication, isinstance/issubclass.
u = int | str
print(u, type(u), type(u).__module__, type(u).__name__)
print(u.__args__, u.__parameters__)
print(int | None, None | int, int | str | None | list[int])
print(int | int, (int | str) | int, int | (str | bytearray) if False else "skip")
print((int | str) == (str | int), (int | str) == (int | list), (int | str) != (str | int))
print(hash(int | str) == hash(str | int))
print(isinstance(1, int | str), isinstance("a", int | str), isinstance(1.5, int | str))
print(isinstance(None, int | None), issubclass(bool, int | str), issubclass(float, int | str))
print(list[int] | None)


class Meta(type):
    def __or__(cls, other):
        return "custom or"


class A(metaclass=Meta):
    pass


print(A | int, int | A)
try:
    int | 3
except TypeError as e:
    print("TypeError", e)
try:
    isinstance(1, int | list[int])
except TypeError as e:
    print("TypeError", e)
d = {int | str: 1}
print(d[str | int])
