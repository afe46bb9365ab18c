# Passing an unknown keyword argument.
def greet(name, greeting="hello"):
    return greeting + " " + name


print(greet("bob", greeting="hi"))
print(greet(name="ann"))
try:
    greet("x", nme="y")
except TypeError as e:
    print("caught:", e)
greet("bob", gretting="hi")
