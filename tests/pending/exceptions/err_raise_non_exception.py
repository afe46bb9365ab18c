# Raising something that is not an exception is a TypeError.
print("start")
raise 42
