# The same argument given by position and by keyword.
def point(x, y):
    return x, y


print(point(1, y=2))
point(1, 2, x=3)
