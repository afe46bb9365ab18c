# Data descriptors beat instance __dict__; non-data descriptors do not.
class Data:
    def __get__(self, obj, objtype=None):
        return "data-descriptor"

    def __set__(self, obj, value):
        print("Data.__set__", value)


class NonData:
    def __get__(self, obj, objtype=None):
        return "non-data-descriptor"


class C:
    d = Data()
    n = NonData()


c = C()
c.__dict__["d"] = "instance d"
c.__dict__["n"] = "instance n"
print(c.d)
print(c.n)
c.d = 5
print(c.__dict__["d"])
print(C.d, C.n)
del c.__dict__["n"]
print(c.n)
print(type(C.__dict__["d"]).__name__)
