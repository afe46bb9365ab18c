# An uncaught str.format error ends the program with CPython's last stderr line.
print("before")
print("{0} and {}".format(1, 2))
print("not reached")
