# Floor division by zero with ints.
def divide(a, b):
    return a // b


print(divide(7, 2))
print(divide(2 ** 100, 0))
