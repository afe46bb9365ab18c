# True division by zero.
x = 10
y = 0
print(x, y)
print(x / y)
