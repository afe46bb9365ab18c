# Bitwise operators on ints, including negative numbers (two's complement semantics).
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a)
print(-5 & 3, -5 | 3, -5 ^ 3, -5 & -3, -5 | -3, -5 ^ -3)
print(1 << 0, 1 << 10, 1 << 40, 3 << 62, -1 << 3)
print(1024 >> 3, 5 >> 10, -16 >> 2, -1 >> 10, -17 >> 1, -(2 ** 62) >> 61)
print(~5 & 0xFF, 0xFF ^ 0x0F, 0o17 | 0b1, 255 & -256)
print(True & False, True | False, True ^ True, 6 & True)
x = 0
i = 0
while i < 8:
    x |= 1 << i
    i += 2
print(x)
x ^= 0xFF
print(x)
x &= 0xF0
print(x)
x >>= 4
print(x)
x <<= 20
print(x)
