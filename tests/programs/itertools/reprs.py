# Reprs and types of the itertools classes.
import itertools
from itertools import count, repeat

print(count(), count(5), count(-3), count(1.5, 0.5), count(0, 2), count(1, 1.0))
print(count(True), count(1, True), count(2 ** 80), count(2 ** 80, 1), count(0, 0), count(1, -1))
print(count(step=2), count(start=1.0))
c = count(3)
next(c)
print(c, repr(c), str(c))
print(repeat(1, 3), repeat("a"), repeat(None, 0), repeat([1, 2]), repeat(1, -1))
r = repeat("z", 2)
next(r)
print(r)

names = ["accumulate", "chain", "combinations", "combinations_with_replacement", "compress",
         "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
         "permutations", "product", "repeat", "starmap", "takewhile", "zip_longest",
         "_grouper", "_tee", "_tee_dataobject"]
for name in names:
    t = getattr(itertools, name)
    print(t, t.__name__, t.__module__, t.__qualname__, type(t))
print(type(itertools.tee), itertools.tee.__name__)
print(sorted(n for n in dir(itertools) if not n.startswith("__")))

objs = [itertools.accumulate([]), itertools.chain(), itertools.combinations("", 0),
        itertools.combinations_with_replacement("", 0), itertools.compress("", ""),
        itertools.count(), itertools.cycle(""), itertools.dropwhile(None, ""),
        itertools.filterfalse(None, ""), itertools.groupby(""), itertools.islice("", 0),
        itertools.pairwise(""), itertools.permutations(""), itertools.product(),
        itertools.repeat(0), itertools.starmap(None, ""), itertools.takewhile(None, ""),
        itertools.zip_longest(), itertools.tee("")[0]]
for o in objs:
    print(type(o).__name__, iter(o) is o, hasattr(o, "__next__"))
print(hasattr(itertools.chain, "from_iterable"), itertools.chain.from_iterable.__name__)
print(itertools.chain[int], itertools.chain[int].__origin__ is itertools.chain)
