# A program that prints nothing at all: stdout must be empty.
x = 1
for i in range(10):
    x = x * 2 + i
if x < 0:
    print("unreachable")
