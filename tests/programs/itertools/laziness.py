# Iterators are lazy, and exceptions from the underlying iterators and functions pass
# through them.
from itertools import *

log = []


def source(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        yield i


def show(label, it):
    log.clear()
    first = next(it, "END")
    print(label, first, log[:])


show("chain", chain(source("a", 2), source("b", 2)))
show("compress", compress(source("d", 3), source("s", 3)))
show("dropwhile", dropwhile(lambda x: x < 1, source("x", 3)))
show("takewhile", takewhile(lambda x: x < 1, source("x", 3)))
show("filterfalse", filterfalse(None, source("x", 3)))
show("starmap", starmap(lambda *a: a, ([i] for i in source("x", 3))))
show("islice", islice(source("x", 10), 2, 5))
show("pairwise", pairwise(source("x", 5)))
show("zip_longest", zip_longest(source("a", 1), source("b", 3)))
show("accumulate", accumulate(source("x", 3)))
show("groupby", (k for k, g in groupby(source("x", 3))))
show("cycle", cycle(source("x", 3)))
show("tee", tee(source("x", 3))[0])

# creating reads nothing (except the pools of the combinatoric ones)
log.clear()
made = [chain(source("a", 1)), islice(source("b", 3), 1), accumulate(source("c", 2)),
        zip_longest(source("d", 1)), groupby(source("e", 1)), tee(source("f", 1)),
        cycle(source("g", 1)), pairwise(source("h", 2)), starmap(None, source("i", 1))]
print("after creating", log)
made = [product(source("p", 2)), combinations(source("c", 2), 1), permutations(source("q", 2))]
print("combinatorics read eagerly", log)


class Boom(Exception):
    pass


def failing(n):
    yield from range(n)
    raise Boom(f"after {n}")


def attempt(label, make):
    got = []
    it = None
    try:
        it = make()
        for x in it:
            got.append(x)
    except Boom as e:
        print(label, got, "Boom:", e)
        return it
    print(label, got, "no error")
    return it


attempt("chain", lambda: chain([9], failing(2)))
attempt("chain.from_iterable", lambda: chain.from_iterable([i] for i in failing(1)))
attempt("compress data", lambda: compress(failing(2), [1, 1, 1, 1]))
attempt("compress selectors", lambda: compress("abcd", failing(2)))
attempt("dropwhile", lambda: dropwhile(lambda x: x < 5, failing(3)))
attempt("takewhile", lambda: takewhile(lambda x: True, failing(3)))
attempt("filterfalse", lambda: filterfalse(None, failing(3)))
attempt("starmap", lambda: starmap(lambda x: x, ((i,) for i in failing(2))))
attempt("pairwise", lambda: pairwise(failing(3)))
attempt("zip_longest", lambda: zip_longest("abcde", failing(2)))
attempt("accumulate", lambda: accumulate(failing(3)))
attempt("groupby", lambda: (k for k, g in groupby(failing(2))))
attempt("cycle", lambda: cycle(failing(2)))
attempt("count islice", lambda: islice(failing(5), 1, None, 2))
attempt("product", lambda: product(failing(2)))
attempt("tee", lambda: tee(failing(2))[1])


def predicate_boom(x):
    if x == 2:
        raise Boom("predicate")
    return True


attempt("dropwhile predicate", lambda: dropwhile(predicate_boom, range(5)))
attempt("takewhile predicate", lambda: takewhile(predicate_boom, range(5)))
attempt("filterfalse predicate", lambda: filterfalse(predicate_boom, range(5)))
attempt("groupby key", lambda: (k for k, g in groupby(range(5), predicate_boom)))

# after an error: islice is done, zip_longest is done, chain carries on with its source
isl = attempt("islice", lambda: islice(failing(2), 5))
print("islice after error", list(isl))
zl = attempt("zip_longest", lambda: zip_longest(failing(1), "abc"))
print("zip_longest after error", list(zl))


class Flaky:
    def __init__(self):
        self.calls = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.calls += 1
        if self.calls == 2:
            raise Boom("once")
        if self.calls > 4:
            raise StopIteration
        return self.calls


ch = attempt("chain flaky", lambda: chain(Flaky(), "z"))
print("chain after error", list(ch))
cy = cycle(Flaky())
print(next(cy))
try:
    next(cy)
except Boom as e:
    print("cycle Boom:", e)
print(list(islice(cy, 6)))

# StopIteration raised by a function ends the iterator it is used by
def stopper(x):
    raise StopIteration

print(list(map(stopper, [1])) if False else "skip map")
try:
    print(list(starmap(stopper, [(1,)])))
except StopIteration:
    print("StopIteration escaped")
