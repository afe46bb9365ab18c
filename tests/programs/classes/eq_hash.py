# __eq__ and __hash__ rules: equal objects used as dict keys and set members.
class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return hash(self.k)


d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(2) in d, Key(3) in d)
print(len({Key(1), Key(1), Key(2)}))


class OnlyEq:
    def __eq__(self, other):
        return True


print(OnlyEq.__hash__ is None)


class Inherits(Key):
    pass


print(Inherits.__hash__ is Key.__hash__, hash(Inherits(5)) == hash(5))


class Default:
    pass


x = Default()
print(hash(x) == hash(x), x in {x}, Default() in {x})


class Child(Key):
    def __eq__(self, other):
        return False


print(Child.__hash__ is None)
try:
    hash(OnlyEq())
except TypeError as e:
    print(e)
