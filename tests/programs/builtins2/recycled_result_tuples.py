# enumerate, zip and dict item iterators refill their result tuple only when nobody kept
# the last one: kept tuples stay unchanged, and a finalizer that runs while a tuple is
# refilled sees consistent tuples.
import gc

kept = list(enumerate("abc"))
print(kept)
kept = [t for t in zip("xyz", range(3))]
print(kept)
d = {"a": 1, "b": 2, "c": 3}
kept = [t for t in d.items()]
print(kept)

# Keep every other tuple.
saved = []
for i, t in enumerate(enumerate(range(6))):
    if i % 2 == 0:
        saved.append(t)
print(saved)

saved = []
for t in zip(range(5), "abcde", [None] * 5):
    if t[0] % 2:
        saved.append(t)
print(saved)

saved = []
it = iter(d.items())
first = next(it)
second = next(it)
print(first, second, next(it))

# Unpacking in a loop (the refilled path) gives the right values.
total = 0
for i, (k, v) in enumerate(d.items()):
    total += i * v
print(total)
print(sum(a * b for a, b in zip(range(100), range(100, 200))))
print({k: v for k, v in enumerate("hello")})


class Noisy:
    """A finalizer that advances the same iterator while its tuple is being refilled."""

    log = []

    def __init__(self, name):
        self.name = name

    def __del__(self):
        if Noisy.it is not None:
            it, Noisy.it = Noisy.it, None
            Noisy.log.append(("inner", next(it, "done")))


Noisy.it = None
def source():
    yield Noisy("a")
    yield Noisy("b")
    yield "c"
    yield "d"
    yield "e"


e = enumerate(source())
Noisy.it = e
results = []
for pair in e:
    results.append((pair[0], type(pair[1]).__name__))
    del pair
    Noisy.log.append(("outer", Noisy.it is None))
print(results)
print([(tag, p if isinstance(p, bool) else (p[0], type(p[1]).__name__)) for tag, p in Noisy.log])

# A tuple found through gc while the iterator holds it is a new reference: no refill.
e = enumerate("pq")
a = next(e)
held = [o for o in gc.get_objects() if o is a]
del a
b = next(e)
print(held, b)
