# __length_hint__, __reduce__ and __setstate__ of the builtin iterators, and pickling and
# copying iterators part-way through, as CPython 3.11.
import copy
import pickle

it = iter(range(10))
next(it)
print(it.__reduce__(), it.__length_hint__())
it.__setstate__(3)
print(next(it), it.__length_hint__())
it.__setstate__(100)
print(it.__length_hint__(), it.__reduce__(), list(it))
it.__setstate__(-4)
print(next(it))
big = iter(range(2**70, 2**70 + 5))
next(big)
print(type(big).__name__, big.__reduce__(), big.__length_hint__())
big.__setstate__(2)
print(next(big), list(big), big.__length_hint__())
back = reversed(range(5))
next(back)
print(back.__reduce__())
z = zip([1], [2])
print(z.__reduce__()[0].__name__, len(z.__reduce__()[1]))
z.__setstate__(True)
print(z.__reduce__()[2])
r = reversed([1, 2, 3])
next(r)
print(r.__reduce__(), r.__length_hint__())
r.__setstate__(0)
print(list(r), r.__reduce__(), r.__length_hint__())
r = reversed([1, 2, 3])
r.__setstate__(10)
print(list(r))
r = reversed([1, 2, 3])
r.__setstate__(-10)
print(list(r))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 10


r = reversed(Seq())
print(type(r).__name__, r.__reduce__()[2], r.__length_hint__())
r.__setstate__(5)
print(list(r), r.__reduce__(), r.__length_hint__())
for seq in [[1, 2, 3], (1, 2, 3), "abc", b"abc", bytearray(b"abc")]:
    it = iter(seq)
    next(it)
    print(type(it).__name__, it.__reduce__(), it.__length_hint__())
    it.__setstate__(2)
    print(" ", list(it), it.__reduce__(), it.__length_hint__())
    it.__setstate__(0)
    print(" ", list(it))
it = iter([1, 2, 3])
it.__setstate__(-5)
print(next(it))
for bad in ["x", 1.5, None]:
    try:
        it.__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    it.__setstate__(2**100)
except OverflowError as e:
    print("OverflowError", e)
d = {1: 2, 3: 4}
it = iter(d)
print(it.__length_hint__())
next(it)
print(it.__length_hint__())
d[5] = 6
print(it.__length_hint__())
for view in [d.keys(), d.values(), d.items()]:
    it = iter(view)
    print(type(it).__name__, it.__length_hint__(), reversed(view).__length_hint__())
s = {1, 2, 3}
it = iter(s)
next(it)
print(it.__length_hint__())
s.add(9)
print(it.__length_hint__())
lst = [1, 2, 3]
it = iter(lst)
lst.append(4)
print(it.__length_hint__())
del lst[:]
print(it.__length_hint__())
# Copies and pickles resume where the original was.
for make in [lambda: iter([1, 2, 3, 4]), lambda: iter((1, 2, 3, 4)), lambda: iter("abcd"),
             lambda: iter(range(4)), lambda: reversed([1, 2, 3, 4]), lambda: iter(b"abcd")]:
    it = make()
    next(it)
    clones = [list(pickle.loads(pickle.dumps(it, proto))) for proto in range(pickle.HIGHEST_PROTOCOL + 1)]
    print(type(it).__name__, list(copy.copy(it)), clones, list(it))
# Dict and set iterators pickle as the list of what they have left.
d = {"a": 1, "b": 2, "c": 3}
for make in [lambda: iter(d), lambda: iter(d.values()), lambda: iter(d.items()), lambda: reversed(d),
             lambda: reversed(d.items()), lambda: iter({1, 2, 3})]:
    it = make()
    next(it)
    print(type(it).__name__, it.__reduce__()[1], list(pickle.loads(pickle.dumps(it))), list(it))
    print(" ", it.__reduce__()[1])
