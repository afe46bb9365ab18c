# Captures in functions (STORE_FAST ordering after static swaps), nested patterns.
def deep(v):
    match v:
        case [a, [b, c], {"k": d, **rest}]:
            return ("deep", a, b, c, d, rest)
        case [a, b, *mid, c] if len(mid) > 1:
            return ("mid", a, b, mid, c)
        case [x, *_, y]:
            return ("ends", x, y)
        case (p, q) | [q, p, 0]:
            return ("or", p, q)
        case _:
            return "other"


for v in [[1, [2, 3], {"k": 4, "z": 5}], [1, 2, 3, 4, 5], [1, 2, 3], (7, 8), [8, 7, 0], [1], 3]:
    print(deep(v))


def closure(v):
    match v:
        case {"f": f, "g": g}:
            return lambda: f + g
    return None


print(closure({"f": 1, "g": 2, "h": 3})())
print(closure({"f": 1}))
