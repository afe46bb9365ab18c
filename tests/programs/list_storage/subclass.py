# Subclasses of list keep their overridden methods, whatever the storage.

class Loud(list):
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v * 2)

    def __getitem__(self, i):
        v = super().__getitem__(i)
        print("get", i, v)
        return v

    def __iter__(self):
        print("iter")
        return super().__iter__()

    def __contains__(self, x):
        print("contains", x)
        return super().__contains__(x)

    def __eq__(self, other):
        print("eq")
        return super().__eq__(other)


a = Loud([1, 2, 3])
a[0] = 5
a[-1] = True
print(a[0], a[-1], list.__getitem__(a, 2))
print(2 in a, a == [10, 2, 2], sum(a), sorted(a))
for x in a:
    print("item", x)
a.append(1.5)
print(a, type(a).__name__)


class Counting(list):
    def __iter__(self):
        yield from [100, 200]


print(sum(Counting([1, 2, 3])), list(Counting([True])), sorted(Counting([3, 1])))

b = Loud([True] * 3)
b[1] = 4
print(b, list.__len__(b))


class T(tuple):
    def __iter__(self):
        yield "t"


print(list(T((1, 2))), tuple(T((1,))), [*Counting([5])], sorted(T((3, 4))))
x = []
x.extend(Counting([7]))
x += T((8,))
print(x)
