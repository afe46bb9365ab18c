# Sorts of keys that compare without Python code (ints, floats, strs, tuples of them) and
# of keys that do not (mixed kinds, subclasses, bools, big ints, nested tuples): results,
# stability, reverse, and errors.


class Item:
    def __init__(self, key, tag):
        self.key = key
        self.tag = tag

    def __repr__(self):
        return "%s%s" % (self.key, self.tag)


def stable(keys, **kw):
    items = [Item(k, i) for i, k in enumerate(keys)]
    return sorted(items, key=lambda it: it.key, **kw)


print(stable([3, 1, 2, 1, 3, 0, -5, 2**62, -(2**62)]))
print(stable([3, 1, 2, 1, 3, 0], reverse=True))
print(stable([1.5, -0.0, 0.0, 0, 2, float("inf"), -float("inf"), 1.5]))
print(stable([2.0, 1, 1.0, True, 0, False]))
print(stable([2**70, 5, -(2**70), 5, 2**64]))
print(stable(["b", "a", "B", "é", "ä", "a", "", "ab", "\U0001F600", "z"]))
print(stable([(1, "b"), (1, "a"), (0, "z"), (1, "a"), (1,), ()]))
print(stable([(1, 2.5), (1, 2), (1, 2.0), (0, 9)]))
print(stable([(1, "x"), (1, 2)][:1] + [(0, "y")]))
print(stable([((1, 2), 3), ((1, 1), 4), ((0, 5), 1)]))
print(stable([(True, 1), (1, 0), (0, 2), (False, 3)]))
print(sorted([5, 3, 9, 3, 1] * 3))
print(sorted(["pear", "Apple", "fig", "apple"], key=str.lower))
print(sorted(["pear", "Apple", "fig", "apple"], key=len, reverse=True))


class MyInt(int):
    def __lt__(self, other):
        print("lt", int(self), int(other))
        return int(self) > int(other)


print(sorted([MyInt(1), MyInt(3), MyInt(2)]))
print(sorted([1, MyInt(3), 2]))


class MyStr(str):
    pass


print(sorted([MyStr("b"), "a", MyStr("c")]))

for bad in ([1, "a"], [(1, "a"), (1, 2)], [1.0, None], [(1, []), (1, [])], ["a", b"a"]):
    try:
        print(sorted(bad))
    except TypeError as exc:
        print("TypeError:", exc)

nums = [(i * 7919) % 1000 for i in range(3000)]
a = sorted(nums)
print(a[:5], a[-5:], a == sorted(nums, key=lambda v: v), len(a))
words = [(v % 13, str(v)) for v in nums]
words.sort()
print(words[:3], words[-3:])
words.sort(key=lambda w: w[1], reverse=True)
print(words[:3], words[-3:])
floats = [((i * 37) % 101) / 7 for i in range(500)]
print(sorted(floats)[:4], sorted(floats, reverse=True)[:2])
