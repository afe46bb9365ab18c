# Set and dict comprehensions (sets printed sorted to avoid order dependence).
words = ["apple", "bob", "cat", "apple", "dog", "bob"]
print(sorted({len(w) for w in words}))
print(sorted({w[0] for w in words}))
print({w: len(w) for w in words})
print({i: i * i for i in range(5) if i != 2})
d = {"a": 1, "b": 2, "c": 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in zip("xyz", range(3))})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({x % 3 for x in range(10)} == {0, 1, 2})
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print({w: c for w, c in counts.items() if c > 1})
print(type({}).__name__, type({1}).__name__, type({x for x in ()}).__name__)
