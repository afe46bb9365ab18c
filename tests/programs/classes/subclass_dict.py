# Subclassing dict: attribute access and an overridden __setitem__.
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value


a = AttrDict(x=1)
a.y = 2
print(a.x, a.y, a, isinstance(a, dict))
try:
    a.z
except AttributeError as e:
    print("AttributeError", e)


class Lower(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


d = Lower()
d["ABC"] = 1
d["Def"] = 2
print(d)
d2 = Lower({"MIXED": 1})
print(d2)
print(type(d | {}).__name__, type(d.copy()).__name__)
