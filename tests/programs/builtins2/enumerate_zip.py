print(list(enumerate([])), list(enumerate("ab")), list(enumerate("ab", 10)), list(enumerate("ab", start=-1)))
print(list(enumerate(range(3), 2**63)))
e = enumerate(iter([7, 8]))
print(next(e), next(e), next(e, "done"), type(e).__name__, iter(e) is e)
print(list(zip()), list(zip([1, 2, 3])), list(zip([1, 2, 3], "ab")), list(zip("abc", range(10), [True] * 3)))
print(list(zip([1, 2], [3, 4], strict=True)), dict(zip("ab", [1, 2])))
for args in [([1, 2], [3]), ([1], [2, 3]), ([1, 2], [3, 4], [5]), ([1], [2], [3, 4])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
try:
    zip([1], bogus=True)
except TypeError as e:
    print(e)
try:
    zip(1)
except TypeError as e:
    print(e)
try:
    enumerate()
except TypeError as e:
    print(e)
try:
    enumerate([], 'x')
except TypeError as e:
    print(e)
for i, (a, b) in enumerate(zip("xy", "zw")):
    print(i, a, b)
