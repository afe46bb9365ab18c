# A positional-only argument passed by keyword.
def divide(a, b, /):
    return a / b


print(divide(6, 3))
print(divide(*[9, 3]))
try:
    divide(a=1, b=2)
except TypeError as e:
    print("caught:", e)
divide(6, b=3)
