# Builtin types (int, str, tuple, dict...) match their positional subject as a whole.
def kind(v):
    match v:
        case bool(b):
            return "bool %r" % b
        case int(i):
            return "int %r" % i
        case str(s):
            return "str %r" % s
        case list([x, *_]):
            return "list starting %r" % x
        case tuple((a, b)):
            return "pair %r %r" % (a, b)
        case dict({"k": val}):
            return "dict with k=%r" % val
        case _:
            return "other"


for v in [True, 3, "s", [9, 8], (1, 2), (1, 2, 3), {"k": 0}, 1.5]:
    print(kind(v))


class MyInt(int):
    pass


match MyInt(4):
    case int(n):
        print("subclass matched int", n, type(n).__name__)
