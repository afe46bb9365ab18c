# Raising something that is not an exception is a TypeError.
class NotAnException:
    pass


try:
    raise NotAnException()
except TypeError as e:
    print("caught:", e)
print("start")
raise 42
