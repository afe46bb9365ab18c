# Subclasses of the itertools classes.
import itertools


class MyCount(itertools.count):
    pass


c = MyCount(5, 2)
print(type(c).__name__, c, next(c), c, isinstance(c, itertools.count))
c.tag = "attr"
print(c.tag, c.__dict__)


class Evens(itertools.filterfalse):
    def __new__(cls, iterable):
        return super().__new__(cls, lambda x: x % 2, iterable)


print(list(Evens(range(10))))


class Loud(itertools.chain):
    def __next__(self):
        return "<" + str(super().__next__()) + ">"


print(list(Loud("ab", "c")))
print(type(Loud.from_iterable(["xy"])).__name__, list(Loud.from_iterable(["xy"])))


class Rep(itertools.repeat):
    def __repr__(self):
        return "Rep!" + super().__repr__()


print(repr(Rep(1, 2)), list(Rep(1, 2)))


class Chain2(itertools.chain):
    def __init__(self, *args, label):
        self.label = label


ch = Chain2("ab", label="L")
print(ch.label, list(ch))

for name in ["accumulate", "chain", "combinations", "combinations_with_replacement", "compress",
             "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
             "permutations", "product", "repeat", "starmap", "takewhile", "zip_longest"]:
    base = getattr(itertools, name)
    sub = type("Sub_" + name, (base,), {})
    print(sub.__name__, sub.__mro__[1] is base)

for name in ["_grouper", "_tee", "_tee_dataobject"]:
    try:
        type("X", (getattr(itertools, name),), {})
    except TypeError as e:
        print("TypeError:", e)


class P(itertools.product):
    pass


p = P("ab", repeat=2)
print(type(p).__name__, list(p))


class G(itertools.groupby):
    pass


print([(k, list(v)) for k, v in G("aabbb")])


class I(itertools.islice):
    pass


print(list(I(range(10), 2, 8, 3)))
