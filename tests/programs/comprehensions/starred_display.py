# Starred unpacking inside list, tuple and set displays.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print((*"hi",))
print(sorted({*a, *b, 1}))
print([*range(3), *{"k": 1}])
print(*a, *b, sep="-")
empty = []
print([*empty], (*empty,))
gen = (x * 10 for x in range(3))
print([0, *gen, 99])
nested = [*[*a, *a], *b]
print(nested)
