# chain, compress, dropwhile, takewhile, filterfalse, starmap, pairwise, zip_longest.
from itertools import (chain, compress, dropwhile, takewhile, filterfalse, starmap,
                       pairwise, zip_longest, count)

print(list(chain()), list(chain("ab", [1, 2], (3,), {4: 5})))
print(list(chain.from_iterable(["ab", "cd", ""])), list(chain.from_iterable([])))
print(list(chain.from_iterable(chain.from_iterable([[[1, 2], [3]], [[4]]]))))
print(list(chain([], [], [1])))

print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(compress("ABC", [0, 1])), list(compress("A", [1, 1, 1])), list(compress(range(10), count())))
print(list(compress(data="xyz", selectors=[True, "", [0]])))

print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: True, [1, 2])), list(dropwhile(lambda x: False, [1, 2])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: True, [1, 2])), list(takewhile(lambda x: False, [1, 2])))
tw = takewhile(lambda x: x < 2, [1, 2, 1])
print(list(tw), list(tw))

print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, "", "a", None, [], [0]])))
print(list(filterfalse(bool, [0, 1, 2, 0])))

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda *a: a, [[1, 2], "ab", (), iter([3])])))
print(list(starmap(max, [range(3)])))

print(list(pairwise("ABCDEFG")), list(pairwise("A")), list(pairwise("")), list(pairwise([1, 2])))
pw = pairwise(count())
print(next(pw), next(pw), next(pw))

print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest("AB", "xyz")), list(zip_longest()), list(zip_longest("abc")))
print(list(zip_longest([], [], fillvalue=0)), list(zip_longest("a", [], "bc", fillvalue=0)))
zl = zip_longest("a", "bc")
print(list(zl), list(zl))
