# Big integers: results far beyond 64 bits.
print(2 ** 100)
print(3 ** 200)
print(2 ** 64 - 1, 2 ** 64, 2 ** 64 + 1)
print(-(2 ** 100), -3 ** 81)
print(10 ** 50)
print((2 ** 100) // (2 ** 50), 2 ** 100 // 3)
print(7 ** 77 - 7 ** 76)
print(12345678901234567890 * 98765432109876543210)
x = 1
i = 0
while i < 10:
    x = x * 1000003
    i += 1
print(x)
print(x - x, x + -x, x * 0, x * -1)
print(len(str(3 ** 200)), len(str(2 ** 1000)))
