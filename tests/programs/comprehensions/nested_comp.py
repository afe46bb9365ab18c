# Nested comprehensions and the order of for/if clauses.
print([(x, y, z) for x in range(1, 20) for y in range(x, 20) for z in range(y, 20) if x * x + y * y == z * z])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid)
print([v for row in grid for v in row if v % 2 == 0])
print({r: [v for v in row if v > 3] for r, row in enumerate(grid)})
print([[(r, c) for c in range(r)] for r in range(3)])
flat = [ch for word in ["ab", "cd"] for ch in word + "!"]
print(flat)
print(sum(len([1 for _ in range(i)]) for i in range(5)))
