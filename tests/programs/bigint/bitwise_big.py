# Bitwise operators on big and negative big integers.
a = 2 ** 100 - 1
b = 2 ** 64 + 5
print(a & b, a | b, a ^ b)
print(~(2 ** 70), ~-(2 ** 70))
print(1 << 200)
print(-(2 ** 100) >> 3, (2 ** 100) >> 98, -(2 ** 100 + 1) >> 99)
print(-(1 << 100) | 7, -(1 << 100) & (1 << 101) - 1)
print(-(3 ** 50) ^ 3 ** 40)
print((1 << 130) - 1 & -(1 << 65))
print((2 ** 100) >> 200, -(2 ** 100) >> 200)
