# An uncaught str.index failure.
s = "hello"
print(s.index("l"))
print(s.index("z"))
