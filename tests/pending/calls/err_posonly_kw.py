# A positional-only argument passed by keyword.
def divide(a, b, /):
    return a / b


print(divide(6, 3))
divide(6, b=3)
