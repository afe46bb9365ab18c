# __get__ receives (instance, owner); __set__ and __delete__ intercept writes.
class Logged:
    def __get__(self, obj, owner):
        print("get", None if obj is None else type(obj).__name__, owner.__name__)
        return 42 if obj is not None else self

    def __set__(self, obj, value):
        print("set", value)
        obj.__dict__["_v"] = value

    def __delete__(self, obj):
        print("delete")
        obj.__dict__.pop("_v", None)


class Host:
    attr = Logged()


h = Host()
print(h.attr)
print(type(Host.attr).__name__)
h.attr = 3
print(h.__dict__)
del h.attr
print(h.__dict__)


class ReadOnly:
    def __get__(self, obj, owner):
        return "ro"

    def __set__(self, obj, value):
        raise AttributeError("read-only attribute")


class R:
    x = ReadOnly()


try:
    R().x = 1
except AttributeError as e:
    print(e)
