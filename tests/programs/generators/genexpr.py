# Generator expressions: laziness, single use and eager first iterable.
def source():
    print("source created")
    return [1, 2, 3]


g = (x * 10 for x in source())
print("genexpr built")
print(next(g))
print(list(g), list(g))

pairs = list((a, b) for a in range(3) for b in range(a))
print(pairs)
print(sum(x for x in range(10) if x % 2))
print(max((len(w), w) for w in ["aa", "b", "ccc"]))
print(type(x for x in []).__name__)

try:
    (1 / x for x in 0)
except TypeError as e:
    print("eager:", e)

lazy = (1 / x for x in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("lazy:", e)
print(",".join(str(i) for i in range(4)))
