# How methods of builtin types word a wrong number of arguments (qualified names for the
# method-descriptor checks, Argument Clinic's wording otherwise), list/tuple.index bounds,
# and item deletion on objects that refuse it.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


cases = {
    "list.append kw": lambda: [].append(x=1),
    "list.append none": lambda: [].append(),
    "list.append two": lambda: [].append(1, 2),
    "list.copy one": lambda: [].copy(1),
    "list.copy kw": lambda: [].copy(x=1),
    "str.count kw": lambda: 'a'.count(x=1),
    "str.count none": lambda: 'a'.count(),
    "str.upper one": lambda: 'a'.upper(1),
    "dict.get none": lambda: {}.get(),
    "dict.get three": lambda: {}.get(1, 2, 3),
    "dict.get kw": lambda: {}.get(k=1),
    "set.add none": lambda: set().add(),
    "int.bit_length": lambda: (1).bit_length(1),
    "float.is_integer": lambda: (1.0).is_integer(1),
    "list.index none": lambda: [].index(),
    "list.index four": lambda: [].index(1, 2, 3, 4),
    "tuple.count none": lambda: ().count(),
    "int.to_bytes four": lambda: (1).to_bytes(1, 'big', False, 4),
    "int.to_bytes three": lambda: (1).to_bytes(1, 'big', False),
    "set.union kw": lambda: set().union(x=1),
    "frozenset.issubset": lambda: frozenset().issubset(),
    "range.count": lambda: range(3).count(),
    "slice.indices": lambda: slice(1).indices(),
    "bytearray.append": lambda: bytearray().append(),
    "complex.conjugate": lambda: 1j.conjugate(1),
    "dict.keys": lambda: {}.keys(1),
    "list.__reversed__": lambda: [].__reversed__(1),
    "wrapper __len__": lambda: [].__len__(1),
    "wrapper kw": lambda: [].__len__(x=1),
    "wrapper __add__": lambda: (1).__add__(),
    "wrapper __add__ two": lambda: (1).__add__(1, 2),
}
for label, f in cases.items():
    attempt(label, f)


class L(list):
    pass


attempt("subclass qualname", lambda: L().append())

attempt("index start", lambda: [1, 2, 3, 2].index(2, 2))
attempt("index negative start", lambda: [1, 2].index(2, -1))
attempt("index not after start", lambda: [1, 2].index(1, -1))
attempt("index stop", lambda: [1, 2].index(2, 0, 1))
attempt("index None", lambda: [1].index(1, None))
attempt("index float", lambda: [1].index(1, 1.0))
attempt("index huge", lambda: [1, 2].index(2, -10**30, 10**30))
attempt("tuple index start", lambda: (1, 2, 1).index(1, 1))
attempt("tuple index beyond", lambda: (1, 2).index(2, 5))
attempt("tuple index negative stop", lambda: (1, 2, 3).index(3, 0, -1))


class Shrinker:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return False

    def __repr__(self):
        return 'Shrinker()'


shrinking = [0, 1, 2, 3]
attempt("index list shrinks", lambda: shrinking.index(Shrinker(shrinking)))
attempt("contains list shrinks", lambda: Shrinker(shrinking) in [5, 6] and shrinking)


def delete(obj, key):
    del obj[key]


def assign(obj, key):
    obj[key] = 1


for obj, key in [((1, 2), 0), ('ab', 0), (frozenset(), 1), (1, 1), (range(3), 0), (b'x', 0), ((1,), 'k')]:
    attempt("del %s[%r]" % (type(obj).__name__, key), lambda: delete(obj, key))
    attempt("set %s[%r]" % (type(obj).__name__, key), lambda: assign(obj, key))

# Unbound methods of builtin types check their first argument, as method descriptors do.
for label, f in {
    "list.append unbound": lambda: list.append(),
    "int.bit_length float": lambda: int.bit_length(1.0),
    "str.upper int": lambda: str.upper(1),
    "list.append tuple": lambda: list.append((), 1),
    "dict.keys list": lambda: dict.keys([]),
    "float.hex int": lambda: float.hex(1),
    "list.append keyword": lambda: list.append(x=1),
    "set.add frozenset": lambda: set.add(frozenset(), 1),
    "int.bit_length bool": lambda: int.bit_length(True),
    "str.join subclass": lambda: str.join(type('S', (str,), {})('-'), 'ab'),
}.items():
    attempt(label, f)
