# Floor division and modulo with big operands keep Python's sign rules.
big = 3 ** 100
print(big // 7, big % 7)
print(-big // 7, -big % 7)
print(big // -7, big % -7)
print(-big // -7, -big % -7)
d = 2 ** 70 + 12345
print(big // d, big % d)
print(-big // d, -big % d)
print(big // -d, big % -d)
print((big // d) * d + big % d == big)
print(-(2 ** 64) // 2 ** 32, -(2 ** 64) % 3, (2 ** 64) % -3)
print(10 ** 30 // 10 ** 29, 10 ** 30 % (10 ** 29 + 1))
print(5 // big, -5 // big, 5 % big == 5, -5 % big == big - 5)
print(big / 3 ** 99, 2 ** 100 / 2 ** 98)
