# Calling something that is not callable.
x = 5
print(x)
x()
