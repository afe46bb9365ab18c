# Starred targets in assignments and for loops.
a, *b = [1, 2, 3]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = (1, 2)
print(a, b, c)
(a, b), *rest = [(1, 2), 3, 4]
print(a, b, rest)
for first, *others in [(1, 2, 3), (4,), "ab"]:
    print(first, others)
[p, q] = 5, 6
print(p, q)
a = b = [0]
print(a is b)
x, y = y, x = 1, 2
print(x, y)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
