s = slice(1, 10, 2)
print(s, repr(s), s.start, s.stop, s.step, type(s).__name__)
print(s.indices(5), slice(None).indices(10), slice(None, None, -1).indices(10), slice(-100, 100, 3).indices(7))
print(slice(-3, None).indices(10), slice(2**70, -2**70, -1).indices(10), slice(0).indices(0))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3), slice(1) != slice(1))
try:
    slice()
except TypeError as e:
    print(e)
try:
    slice(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    slice(1, 2, 0).indices(3)
except ValueError as e:
    print(e)
try:
    slice(1).indices(-1)
except ValueError as e:
    print(e)
try:
    hash(slice(1))
except TypeError as e:
    print(e)
try:
    s.start = 5
except AttributeError as e:
    print("AttributeError")
class G:
    def __getitem__(self, k): return k
g = G()
print(g[1:2], g[::], g[1:2:3], g[:, 1], g[..., 1:])
