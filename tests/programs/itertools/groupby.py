# groupby: keys, groups, and groups invalidated when the groupby advances.
from itertools import groupby

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6, 7], key=lambda x: x // 3)])
print([(k, list(g)) for k, g in groupby([])])
print([(k, list(g)) for k, g in groupby(["apple", "avocado", "banana", "blueberry", "cherry"], len)])
print([(k, list(g)) for k, g in groupby([1, 1.0, True, 2], key=None)])

# a group is only valid until the groupby advances
groups = groupby("aaabbbcc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
groups = groupby("aaabbbcc")
saved = [(k, g) for k, g in groups]
print([(k, list(g)) for k, g in saved])

# partly consumed group
groups = groupby("xxxyyz")
k, g = next(groups)
print(k, next(g))
k, g = next(groups)
print(k, list(g))
print([(k, list(g)) for k, g in groups])

# a group consumed after the groupby is exhausted
groups = groupby("ab")
k, g = next(groups)
rest = list(groups)
print(k, list(g), [(k, list(g)) for k, g in rest])

# group iterators are iterators
groups = groupby("qq")
k, g = next(groups)
print(iter(g) is g, type(g).__name__, next(g), next(g), next(g, "end"))

# key function calls
calls = []
def key(x):
    calls.append(x)
    return x % 2
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key)])
print(calls)

# keys compared with ==
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v // 10 == other.v // 10
    def __repr__(self):
        return f"K({self.v})"

print([(k, list(g)) for k, g in groupby([K(1), K(5), K(12)])])

# _grouper made directly
import itertools
gb = groupby("mmn")
g = itertools._grouper(gb, "m")
print(list(g))
print([(k, list(g)) for k, g in gb])
