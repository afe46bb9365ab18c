# Missing two positional arguments: both are named in the message.
def area(width, height):
    return width * height


print(area(2, 3))
area()
