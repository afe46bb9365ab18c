# __class_getitem__ lets Class[...] work; it is an implicit classmethod.
class Box:
    def __class_getitem__(cls, item):
        return "%s[%s]" % (cls.__name__, item if isinstance(item, str) else item.__name__)


class Crate(Box):
    pass


print(Box[int])
print(Crate["T"])
print(Box[str])


class Multi:
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return len(params)


print(Multi[int], Multi[int, str], Multi[int, str, float])
print(list[int])
print(dict[str, list[int]])
try:
    object[int]
except TypeError as e:
    print(e)
