# + and * on lists, and += which extends in place.
a = [1, 2]
b = [3]
print(a + b, b + a, a + [], [] + [])
print(a * 3, 3 * b, [0] * 5, a * 0, a * -2, [[]] * 2)
c = a
c += [9, 10]
print(a, c, a is c)
c = c + [11]
print(a, c, a is c)
d = ["x"]
d *= 3
print(d)
print([1, 2] * 2 == [1, 2, 1, 2], len([None] * 1000))
