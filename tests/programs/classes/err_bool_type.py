# __bool__ must return a bool.
class Weird:
    def __bool__(self):
        return 1


class Fine:
    def __bool__(self):
        return False


print("testing", bool(Fine()))
if Weird():
    print("never")
