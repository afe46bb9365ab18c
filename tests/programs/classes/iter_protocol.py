# __iter__/__next__ iterator protocol with for, list(), unpacking and in.
class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIter(self.start)


class CountdownIter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(3)
for x in c:
    print(x)
print(list(c), sum(c), max(c))
a, b, d = c
print(a, b, d)
print(2 in c, 9 in c)
it = iter(c)
print(next(it), next(it), next(it), next(it, "done"))
print(iter(it) is it)
try:
    iter(5)
except TypeError as e:
    print(e)
