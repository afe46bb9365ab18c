# range() with one to three arguments, used in loops and for membership.
def collect(r):
    items = []
    for i in r:
        items.append(i)
    return items


print(collect(range(6)))
print(collect(range(2, 9)))
print(collect(range(1, 20, 5)))
print(collect(range(20, 1, -5)))
print(collect(range(-3, 3)))
print(collect(range(3, -3, -2)))
print(collect(range(0)), collect(range(-5)), collect(range(1, 1)), collect(range(1, 0, 1)))
print(3 in collect(range(5)), 5 in collect(range(5)), 4 in collect(range(0, 10, 2)))
print(len(collect(range(0, 100, 7))), max(range(0, 100, 7)), min(range(-1, -10, -3)))
