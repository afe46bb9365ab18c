# Lists are mutable and shared by reference.
a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
c = a + []
c.append(5)
print(a, c, a is c, a == c)
outer = [a, a]
a[0] = "changed"
print(outer)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)


def mutate(items):
    items.append("added")
    items = ["rebound"]
    return items


x = [1]
print(mutate(x), x)
r = [1]
r.append(r)
print(len(r), r[1] is r)
