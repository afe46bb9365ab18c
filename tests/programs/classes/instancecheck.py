# __instancecheck__ and __subclasscheck__ on a metaclass customise isinstance.
class DuckMeta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")


class Duck(metaclass=DuckMeta):
    pass


class Robot:
    def quack(self):
        return "beep"


print(isinstance(Robot(), Duck), isinstance(3, Duck))
print(issubclass(Robot, Duck), issubclass(int, Duck))
print(isinstance(Robot(), (int, Duck)))


class EvenMeta(type):
    def __instancecheck__(cls, obj):
        print("check", obj)
        return isinstance(obj, int) and obj % 2 == 0


class Even(metaclass=EvenMeta):
    pass


print(isinstance(4, Even), isinstance(5, Even))
e = Even()
print(isinstance(e, Even))
