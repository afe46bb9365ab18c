# Metaclass __call__ controls instance creation (a singleton here).
class Singleton(type):
    def __call__(cls, *args, **kwargs):
        if "_instance" not in cls.__dict__:
            print("creating", cls.__name__, args)
            cls._instance = super().__call__(*args, **kwargs)
        return cls._instance


class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, a.value)


class Tracer(type):
    def __call__(cls, *args):
        print("before", cls.__name__)
        obj = super().__call__(*args)
        print("after", type(obj).__name__)
        return obj


class Thing(metaclass=Tracer):
    def __new__(cls, n):
        print("Thing.__new__", n)
        return super().__new__(cls)

    def __init__(self, n):
        print("Thing.__init__", n)
        self.n = n


print(Thing(7).n)
