# zip's __next__: many iterables, re-entry from an iterator, errors, strict, recycling.
print(list(zip("ab", [1, 2], (3, 4), {5: 0, 6: 0}, range(2), "xy")))
print(list(zip()), list(zip([1, 2, 3])))


class Reenter:
    def __init__(self):
        self.n = 0
        self.z = None

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 2:
            print("inner", next(self.z, "done"))
        if self.n > 4:
            raise StopIteration
        return self.n


r = Reenter()
z = zip(r, "abcdefg")
r.z = z
print(list(z))


class Boom:
    fired = False

    def __iter__(self):
        return self

    def __next__(self):
        if not self.fired:
            self.fired = True
            raise RuntimeError("boom")
        return "b"


z = zip([1, 2], Boom())
try:
    next(z)
except RuntimeError as e:
    print("error", e)
print(next(z, "end"))
for a, b in [(1, 2)]:
    pass
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [1, 2], [3], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [1], [3, 4, 5], [6], [7], strict=True))
except ValueError as e:
    print(e)
kept = []
for t in zip(range(3), "abc"):
    kept.append(t)
print(kept, kept[0] is kept[1])
it = zip([1, 2, 3], [4, 5, 6])
a = next(it)
b = next(it)
print(a, b, a is b)
