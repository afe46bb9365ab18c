# `in` uses __contains__, then __iter__, then __getitem__.
class Evens:
    def __contains__(self, x):
        print("contains", x)
        return x % 2 == 0


class ViaIter:
    def __iter__(self):
        print("iter")
        return iter([1, 2, 3])


class ViaGetitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10


print(4 in Evens(), 3 in Evens(), 3 not in Evens())
print(2 in ViaIter(), 7 in ViaIter())
print(20 in ViaGetitem(), 25 in ViaGetitem())


class Truthy:
    def __contains__(self, x):
        return "nonempty"


print(1 in Truthy())
try:
    1 in object()
except TypeError as e:
    print(e)
