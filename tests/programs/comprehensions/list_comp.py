# List comprehensions with conditions, transformations and nesting.
nums = list(range(10))
print([n * n for n in nums])
print([n for n in nums if n % 3 == 0])
print([n if n % 2 else -n for n in nums])
print([(i, j) for i in range(3) for j in range(i, 3)])
print([c.upper() for c in "abc" if c != "b"])
print([[j for j in range(i)] for i in range(4)])
print([x for x in range(20) if x % 2 if x % 3])
print([y for x in [[1, 2], [3], []] for y in x])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([len(w) for w in "the quick brown fox".split()])
