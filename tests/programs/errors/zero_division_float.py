# Float division by zero.
a = 1.5
print(a / 2)
print(a / 0.0)
