# A metaclass's __prepare__ supplies the class namespace.
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("prepare", name, sorted(kwargs))
        return Recording()

    def __new__(mcls, name, bases, ns, **kwargs):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)


class Form(metaclass=Meta, flavour="x"):
    zeta = 1
    alpha = 2

    def method(self):
        pass

    beta = 3


print(Form.order)
print(type(Form).__name__, Form.alpha)
