# Basic integer arithmetic and operator precedence.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(a ** 2, 2 ** 10, 0 ** 0, 7 ** 1)
print(-a, +a, ~a, ~0, ~-1, --a, -+-a)
print(1 + 2 * 3 - 4, (1 + 2) * (3 - 4))
print(2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 2 ** -1 ** 2)
print(10 - 3 - 2, 100 // 7 // 2, 2 * 3 % 4, 2 * (3 % 4))
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, 6 & 3 + 1)
print(8 / 2, 1 / 4, 10 / 3, -9 / 3, 0 / 5)
print(True + True, True * 7, False - 1, -True, ~True)
