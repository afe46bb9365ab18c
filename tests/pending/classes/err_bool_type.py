# __bool__ must return a bool.
class Weird:
    def __bool__(self):
        return 1


print("testing")
if Weird():
    print("never")
