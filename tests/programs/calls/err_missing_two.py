# Missing two positional arguments: both are named in the message.
def area(width, height):
    return width * height


print(area(2, 3))
print(area(height=4, width=5))
try:
    area(1)
except TypeError as e:
    print("caught:", e)
area()
