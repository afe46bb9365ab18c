# __index__ lets an object be used where an integer index is required.
class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


data = ["a", "b", "c", "d", "e"]
print(data[Idx(1)], data[Idx(-1)])
print(data[Idx(1):Idx(4)])
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)))
print(range(Idx(3)), list(range(Idx(1), Idx(4))))
print("ab" * Idx(3))
print(int.__index__(7), [10, 20, 30][Idx(2)])
print(Idx(2).__index__())


class NoIndex:
    pass


try:
    data[NoIndex()]
except TypeError as e:
    print(e)
