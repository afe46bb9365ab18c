# Sequence patterns: fixed length, star, nesting; str and dict are not sequences.
def shape(x):
    match x:
        case []:
            return "empty"
        case [single]:
            return "one: %r" % (single,)
        case [first, second]:
            return "two: %r %r" % (first, second)
        case [first, *middle, last]:
            return "many: %r %r %r" % (first, middle, last)
        case _:
            return "not a sequence"


for v in [[], [1], (1, 2), [1, 2, 3, 4], range(3), "ab", {"a": 1}, 5, b"xy", bytearray(b"z")]:
    print(repr(v), "->", shape(v))

match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print("nested", a, b, c, d)

match (1, 2, 3):
    case (1, *rest):
        print("rest is a list:", rest)

match [0, 1]:
    case (0, 1):
        print("tuple pattern matches a list")
