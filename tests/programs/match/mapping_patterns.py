# Mapping patterns: key subsets, **rest, values, and non-dict mappings.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return "click at %d,%d" % (x, y)
        case {"type": "key", "key": str(k), **rest}:
            return "key %s extra %s" % (k, sorted(rest.items()))
        case {"type": t}:
            return "unknown event " + t
        case {}:
            return "empty mapping"
        case _:
            return "not a mapping"


print(handle({"type": "click", "pos": (3, 4), "button": 1}))
print(handle({"type": "key", "key": "a", "shift": True, "ctrl": False}))
print(handle({"type": "key", "key": 5}))
print(handle({"x": 1}))
print(handle([("type", "click")]))


class Missing(dict):
    def __missing__(self, key):
        return "made up"


match Missing(a=1):
    case {"b": v}:
        print("__missing__ used", v)
    case {"a": v}:
        print("__missing__ not used; a =", v)
