s = {5, 3, 9}
for x in s:
    print(x)
print(list(s), tuple(s), sorted(s), len(s), bool(s), bool(set()))
it = iter(s)
print(next(it), type(it).__name__)
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError:", e)
print(sum({1, 2, 3}), max({4, 8, 1}), sorted({'b', 'a'}), 3 in {1, 2, 3}, 4 not in {1, 2})
s = set(range(10))
while s:
    s.pop()
print(s)
x = 5
print(x in {1, 5, 9}, "a" in {"a", "b", "c"}, x in frozenset({1, 2, 3}))
