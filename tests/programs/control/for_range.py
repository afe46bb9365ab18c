# for loops over range() with one, two and three arguments.
for i in range(5):
    print(i, end=" ")
print()
for i in range(3, 8):
    print(i, end=" ")
print()
for i in range(0, 20, 4):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(-5, -10, -1):
    print(i, end=" ")
print()
for i in range(0):
    print("never")
for i in range(5, 5):
    print("never")
for i in range(5, 0):
    print("never")
for i in range(0, 5, -1):
    print("never")
n = 4
total = 0
for i in range(n * 2 + 1):
    total += i
print("total", total, "last i", i)
for i in range(2 ** 64, 2 ** 64 + 3):
    print(i)
