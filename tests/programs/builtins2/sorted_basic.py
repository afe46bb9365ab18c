print(sorted([5, 2, 9, 1]), sorted([]), sorted("banana"), sorted((3, 1, 2), reverse=True))
print(sorted(["bb", "a", "ccc"], key=len), sorted(["bb", "a", "ccc"], key=len, reverse=True))
pairs = [(1, 'd'), (0, 'c'), (1, 'a'), (0, 'b'), (2, 'x')]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted({3: 1, 1: 2}), sorted({5, 3, 8}), sorted([3.5, 1, 2.25, -7]))
print(sorted(range(100, 0, -3))[:10], sorted(list(range(200)) * 2)[-5:])
data = [(i * 7919) % 1000 for i in range(500)]
print(sorted(data) == sorted(data, key=lambda x: x), sorted(data)[:8], sorted(data, reverse=True)[:8])
print(sorted(["b", "A", "a", "B"], key=str.lower), sorted([[2], [1, 2], [1]]))
for bad in ([1, 'a', 2], [None, None], [{}, {}]):
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sorted()
except TypeError as e:
    print(e)
try:
    sorted([1], [2])
except TypeError as e:
    print(e)
try:
    sorted([1], cmp=None)
except TypeError as e:
    print(e)
def bad_key(x):
    if x == 3: raise ValueError("bad key")
    return x
try:
    sorted([1, 2, 3], key=bad_key)
except ValueError as e:
    print(e)
