# Passing an unknown keyword argument.
def greet(name, greeting="hello"):
    return greeting + " " + name


print(greet("bob", greeting="hi"))
greet("bob", gretting="hi")
