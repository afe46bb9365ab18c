# __set_name__ is called on attributes at class creation.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")

    def __set__(self, obj, value):
        setattr(obj, self.private, value)


class Record:
    title = Field()
    year = Field()


r = Record()
print(r.title)
r.title = "Dune"
r.year = 1965
print(r.title, r.year, sorted(vars(r)))
print(Record.title.name)

f = Field()
Record.extra = f
print(hasattr(f, "name"))
