# The same argument given by position and by keyword.
def point(x, y):
    return x, y


print(point(1, y=2))
print(point(y=1, x=2))
try:
    point(1, x=1)
except TypeError as e:
    print("caught:", e)
point(1, 2, x=3)
