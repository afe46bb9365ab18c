# Mapping patterns: get() is used (no __missing__), extra keys, **rest, dict subclasses.


def m(v):
    match v:
        case {"a": 1, "b": b, **rest}:
            return "a1", b, rest
        case {"a": a}:
            return "a", a
        case {}:
            return "empty-ish", len(v)
        case _:
            return "not a mapping"


class Defaulting(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0


d = Defaulting()
d["b"] = 3
print(m(d))
print(dict(d))
print(m({"a": 1, "b": 2, "c": 3}))
print(m({"a": 5}))
print(m({}))
print(m([("a", 1)]))
print(m("a"))


class K:
    X = "x"
    Y = "x"


try:
    match {"x": 1}:
        case {K.X: 1, K.Y: 2}:
            pass
except ValueError as e:
    print("ValueError", e)
