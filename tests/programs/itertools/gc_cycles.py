# Reference cycles through itertools objects are collected.
import gc
import itertools
from itertools import *


freed = []


class Holder:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        freed.append(self.name)

    def __float__(self):
        return 0.0

    def __call__(self, *args):
        return True

    def __iter__(self):
        return iter([self])


def make(name, build, advance=1):
    h = Holder(name)
    h.it = build(h)
    for _ in range(advance):
        next(h.it, None)


gc.disable()
make("repeat", lambda h: repeat(h))
make("cycle", lambda h: cycle([h]))
make("chain", lambda h: chain([h], [h]))
make("chain.from_iterable", lambda h: chain.from_iterable([[h], [h]]))
make("accumulate", lambda h: accumulate([h, h], lambda a, b: a))
make("accumulate initial", lambda h: accumulate([], initial=h), 0)
make("compress", lambda h: compress([h, h], [1, 1]))
make("dropwhile", lambda h: dropwhile(h, [1]), 0)
make("takewhile", lambda h: takewhile(h, [1]), 0)
make("filterfalse", lambda h: filterfalse(h, [1]), 0)
make("starmap", lambda h: starmap(h, [()]), 0)
make("islice", lambda h: islice([h, h], 1), 0)
make("pairwise", lambda h: pairwise([h, h, h]))
make("zip_longest", lambda h: zip_longest([1, 2], fillvalue=h), 0)
make("groupby", lambda h: groupby([h, h]))
make("groupby key", lambda h: groupby([1, 2], key=h), 0)
make("product", lambda h: product([h], repeat=3))
make("combinations", lambda h: combinations([h, h], 1))
make("combinations_with_replacement", lambda h: combinations_with_replacement([h], 2))
make("permutations", lambda h: permutations([h, h]))
make("tee", lambda h: tee([h, h])[0])
make("tee copy", lambda h: tee([h, h], 3)[2], 2)
make("count", lambda h: count(h, h), 0)


def grouper_cycle():
    h = Holder("grouper")
    gb = groupby([h, h])
    k, g = next(gb)
    h.g = g


grouper_cycle()
print("before collecting", freed)
gc.collect()
print(len(freed), sorted(freed))
gc.enable()
