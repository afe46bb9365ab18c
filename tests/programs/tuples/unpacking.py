# Tuple unpacking assignment.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = [10, 20, 30]
print(x, y, z)
p, q = "hi"
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
first, second = (4, [5, 6])
print(first, second)
a, b, c = 7, 8, 9
a, b, c = c, a, b
print(a, b, c)
f0, f1 = 0, 1
for i in range(10):
    f0, f1 = f1, f0 + f1
print(f0, f1)
items = [1, 2]
items[0], items[1] = items[1], items[0]
print(items)
d = {}
d["k"], d["j"] = "v", "w"
print(d)
