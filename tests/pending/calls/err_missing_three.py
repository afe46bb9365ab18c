# Missing three positional arguments: commas and "and".
def box(x, y, z, w=0):
    return x * y * z + w


print(box(1, 2, 3))
box()
