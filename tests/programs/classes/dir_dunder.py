# __dir__ customises dir(); dir() sorts the result.
class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]


print(dir(Custom()))


class Plain:
    cls_attr = 1

    def __init__(self):
        self.inst = 2

    def meth(self):
        pass


names = [n for n in dir(Plain()) if not n.startswith("__")]
print(names)
print("__init__" in dir(Plain), "inst" in dir(Plain))


class Gen:
    def __dir__(self):
        return (x for x in ("b", "a"))


print(dir(Gen()))
