# islice: start, stop, step, None, __index__ and laziness.
import sys
from itertools import islice, count

s = "ABCDEFG"
print(list(islice(s, 2)), list(islice(s, 2, 4)), list(islice(s, 2, None)), list(islice(s, 0, None, 2)))
print(list(islice(s, None)), list(islice(s, None, None)), list(islice(s, None, None, None)))
print(list(islice(s, 0)), list(islice(s, 10)), list(islice(s, 5, 3)), list(islice(s, 1, 7, 3)))
print(list(islice(range(100), 10, 50, 15)), list(islice(count(), 3, 30, 9)))
print(list(islice(s, sys.maxsize)), list(islice(s, 1, sys.maxsize, sys.maxsize)))


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


print(list(islice(s, Idx(1), Idx(5), Idx(2))), list(islice(s, True)))

# consumes only what it needs
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 4)), next(it))
it = iter(range(10))
print(list(islice(it, 1, 8, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 0)), next(it))

# islice of an islice
print(list(islice(islice(count(), 0, None, 2), 1, 10, 3)))

# errors
for args in [(-1,), (-5,), ("a",), (1.5,), (-1, 3), (0, -2), (0, 3, 0), (0, 3, -1),
             (0, 3, "x"), ("x", 3), (None, -1), (1, 2, 1.0), (2 ** 100, 3), (0, 1, 2 ** 100),
             (2 ** 100,), (-2 ** 100,), (0, sys.maxsize + 1)]:
    try:
        r = list(islice("abcdef", *args))
        print(args, r)
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
for bad in [lambda: islice(), lambda: islice("a"), lambda: islice("a", 1, 2, 3, 4),
            lambda: islice("a", stop=1), lambda: islice(5, 1), lambda: islice(5, -1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
