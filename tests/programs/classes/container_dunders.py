# __getitem__/__setitem__/__delitem__ with ints, slices and tuples as keys.
class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, key):
        print("get", key)
        if isinstance(key, slice):
            return (key.start, key.stop, key.step)
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value

    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]

    def __len__(self):
        return len(self.cells)


g = Grid()
g[0, 1] = "x"
g[2] = "y"
print(g[0, 1], g[2], g[5])
print(g[1:5], g[::2], g[:])
del g[2]
print(len(g))
g[1, 2] += "!"
print(g.cells)
try:
    del g[99]
except KeyError as e:
    print("KeyError", e)
