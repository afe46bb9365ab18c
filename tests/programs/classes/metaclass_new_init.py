# Metaclass __new__ and __init__ run in order when a class statement executes.
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("Meta.__new__", mcls.__name__, name, [b.__name__ for b in bases])
        ns["added"] = name.lower()
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns):
        print("Meta.__init__", name, "added" in ns)
        super().__init__(name, bases, ns)
        cls.initialised = True


class Base(metaclass=Meta):
    pass


class Child(Base):
    x = 1


print(Child.added, Child.initialised, type(Child) is Meta)
print(isinstance(Child, type), isinstance(Child(), Base))

Dyn = Meta("Dyn", (Base,), {"y": 2})
print(Dyn.added, Dyn.y)
