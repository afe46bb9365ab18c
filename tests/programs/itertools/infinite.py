# count, cycle and repeat, bounded with islice and zip.
from itertools import count, cycle, repeat, islice

print(list(islice(count(), 5)))
print(list(islice(count(10), 3)))
print(list(islice(count(1.5, 0.5), 4)))
print(list(islice(count(0, 2), 4)))
print(list(islice(count(5, -2), 4)))
print(list(islice(count(start=3, step=3), 3)))
print(list(islice(count(2 ** 70, 2 ** 69), 3)))
print(list(islice(count(True), 2)), list(islice(count(True, 0), 2)))

# crossing the machine-word boundary
c = count(2 ** 63 - 2)
print(next(c), next(c), next(c), next(c))
print(c)
c = count(-(2 ** 63) + 1, -1)
print(next(c), next(c), next(c))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __float__(self):
        return self.cents / 100

    def __repr__(self):
        return f"Money({self.cents})"


c = count(Money(100), Money(25))
print(c)
print([next(c) for _ in range(3)])
print(c)

# count and zip
print(list(zip(count(1), "abc")))

# cycle
print(list(islice(cycle("abc"), 8)))
print(list(islice(cycle([1]), 3)))
print(list(cycle([])))
c = cycle(x * x for x in range(3))
print([next(c) for _ in range(7)])

# repeat
print(list(repeat("x", 3)))
print(list(repeat("x", 0)), list(repeat("x", -5)), list(repeat("x", times=-1)))
print(list(islice(repeat(7), 4)))
print(list(map(pow, range(5), repeat(2))))
r = repeat(1, 3)
print(r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print("TypeError:", e)
print(repeat(object=None, times=2), list(repeat(object=None, times=2)))
