# Comprehensions are functions: they capture enclosing variables as closures.
def outer():
    factor = 3
    fs = [lambda x, i=i: x * factor + i for i in range(3)]
    factor = 100
    return [f(1) for f in fs]


print(outer())


def make_table(n):
    return {i: [i * j for j in range(n)] for i in range(n)}


print(make_table(3))


def uses_nonlocal():
    total = 0

    def add_all(items):
        nonlocal total
        total += sum([x for x in items])

    add_all([1, 2])
    add_all([3])
    return total


print(uses_nonlocal())
print([[x + y for y in "ab"] for x in "12"])
