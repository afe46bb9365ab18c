# An augmented division by zero on an item of a float list, uncaught.
v = [4.0, 2.0]
v[0] /= v[1]
print(v)
v[1] -= 2.0
v[0] /= v[1]
print("not reached")
