# Arithmetic around the 64-bit boundary must overflow into big ints silently.
m = 9223372036854775807
print(m, m + 1, m * 2, m * m)
n = -9223372036854775808
print(n, n - 1, n * -1, -n, n // -1, abs(n))
print(n % -1, n % 7, n // 7)
print(2 ** 62 * 4, 2 ** 63 - 1 == m, -(2 ** 63) == n)
print(m + 1 - 1 == m, (m + 1) // 2, (m + 1) >> 1)
print(1 << 63, 1 << 64, (1 << 64) >> 1, -(1 << 63) >> 1)
print(3037000500 * 3037000500, 4294967296 * 4294967296)
x = 1
i = 0
while i < 70:
    x += x
    i += 1
print(x, x == 2 ** 70)
while x > 1:
    x //= 2
print(x)
