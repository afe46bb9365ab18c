# Comprehension loop variables do not leak; the first iterable is evaluated outside.
x = "outer"
result = [x for x in range(3)]
print(result, x)
squares = {y: y * y for y in range(3)}
try:
    print(y)
except NameError as e:
    print("NameError:", e)
g = (z for z in range(3))
print(list(g))
try:
    z
except NameError as e:
    print("NameError:", e)

n = 3
print([n * i for i in range(n)])


def f():
    k = 10
    return [k + i for i in range(3)]


print(f())
for i in range(2):
    pass
print("for loop variable leaks:", i)
items = [[1, 2], [3, 4]]
print([items for items in items])
