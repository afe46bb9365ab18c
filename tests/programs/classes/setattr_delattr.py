# __setattr__ and __delattr__ intercept assignment and deletion.
class Frozen:
    def __init__(self, **fields):
        for k, v in fields.items():
            object.__setattr__(self, k, v)

    def __setattr__(self, name, value):
        raise AttributeError("frozen: cannot set " + name)

    def __delattr__(self, name):
        raise AttributeError("frozen: cannot delete " + name)


f = Frozen(x=1, y=2)
print(f.x, f.y)
try:
    f.x = 3
except AttributeError as e:
    print(e)
try:
    del f.y
except AttributeError as e:
    print(e)


class Logger:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 2)

    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)


g = Logger()
g.v = 5
print(g.v)
g.v += 1
print(g.v)
del g.v
print(hasattr(g, "v"))
setattr(g, "w", 1)
print(g.w)
