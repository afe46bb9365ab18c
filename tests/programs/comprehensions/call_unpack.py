# f(*a, **k) spreading iterables and mappings into calls.
def show(*args, **kwargs):
    return args, kwargs


print(show(*[1, 2], *"ab"))
print(show(**{"a": 1}, **{"b": 2}))
print(show(1, *(2, 3), x=4, **{"y": 5}))
nums = [3, 1, 2]
print(max(*nums), min(*nums, 0))
print("{a}-{b}".format(**{"a": "A", "b": "B"}))
print(show(*{"k1": 0, "k2": 0}))
print(show(*range(0)))


class M:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, k):
        return k * 2


print(show(**M()))
try:
    show(*5)
except TypeError as e:
    print(e)
try:
    show(**5)
except TypeError as e:
    print(e)
