# Objects with only __getitem__ are iterable until IndexError.
class Squares:
    def __getitem__(self, i):
        print("getitem", i)
        if i >= 4:
            raise IndexError(i)
        return i * i


print(list(Squares()))
print(9 in Squares())
it = iter(Squares())
print(type(it).__name__, next(it))


class Stop:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return "x"


print(list(Stop()))


class Mapping:
    def __getitem__(self, key):
        raise KeyError(key)


try:
    list(Mapping())
except KeyError as e:
    print("KeyError", e)
