# Mixed int / float / bool arithmetic.
print(1 + 2.0, 3 * 0.5, 7 - 0.5, 2.5 * 4)
print(7 // 2.0, 7 % 2.5, 7.0 // 2, -7 // 2.5)
print(10 / 4, 9 / 3, 1 / 8, 2 / 3, -1 / 3)
print(True + 1.5, False * 2.5, True / 2)
print(1 + 2 + 3.0, (1 + 2) * 1.0, 3 * 1.0 == 3)
print(0.1 * 3, 0.1 + 0.7, 1.1 * 1.1, 100 * 1.1)
print(2 ** 53 + 1.0, 2 ** 53 + 1, float(2 ** 53 + 1))
total = 0
i = 1
while i <= 10:
    total += 1 / i
    i += 1
print(total)
