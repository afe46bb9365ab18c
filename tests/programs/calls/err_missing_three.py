# Missing three positional arguments: commas and "and".
def box(x, y, z, w=0):
    return x * y * z + w


print(box(1, 2, 3))
print(box(1, 2, 3, w=4))
try:
    box(1)
except TypeError as e:
    print("caught:", e)
box()
