# The ** operator: int results for non-negative int exponents,
# float results for negative exponents or float operands.
print(2 ** 0, 2 ** 1, 2 ** 16, (-3) ** 3, (-3) ** 4)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -2, 1 ** -5)
print(4 ** 0.5, 2 ** 0.5, 2.0 ** 10, 0.5 ** 2, 9 ** -0.5)
print(0 ** 5, 0 ** 0, 0.0 ** 0, 1 ** 1000, (-1) ** 101, (-1) ** 100)
print(10 ** 18, 10 ** 19, -(10 ** 20))
print(2 ** 62, 2 ** 63, 2 ** 64)
x = 3
x **= 3
print(x)
x **= -1
print(x)
n = 1
i = 0
while i < 5:
    n = n * 7
    print(i, n, n == 7 ** (i + 1))
    i += 1
