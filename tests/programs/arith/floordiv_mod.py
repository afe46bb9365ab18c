# Floor division and modulo: the result of % has the sign of the divisor,
# and (a // b) * b + a % b == a always holds.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3),
         (6, 3), (-6, 3), (1, 10), (-1, 10), (10, 1), (-10, -1), (123, -45)]
for p in pairs:
    a, b = p
    q = a // b
    r = a % b
    print(a, b, q, r, q * b + r == a)

# Floats follow the same sign rules.
print(-7 / 2, 7 / -2, -7 // 2.0, -7 % 2.0)
print(7.5 % -2, -7.5 // 2, 7.5 // 2, -7.5 % 2)
print(5.0 // 0.5, 5.0 % 0.5, 1 % 0.3, -1 % 0.3)
print(-1.0 % 1.0, 1.0 % -1.0, 0.0 % -5, -0.0 % 5)
