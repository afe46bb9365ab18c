a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[::2], a[1::3], a[::-1], a[::-3], a[8:2:-2], a[-3:], a[:-3], a[-100:100], a[5:2])
print(a[slice(2, 4)], a[slice(None)], a[slice(None, None, -1)], a[True:3], a[2**70:], a[:-2**70], a[-2**70::-1])
print([][:], [][::-1], a[3:3], a[100:], a[::100], a[::-100])
s = slice(1, 8, 2)
print(a[s], s.start, s.stop, s.step, s, slice(5), slice(None, None, None), slice('a', [1], 2.5))
try:
    a[::0]
except ValueError as e:
    print(e)
try:
    a['x':]
except TypeError as e:
    print(e)
try:
    a[1.5:]
except TypeError as e:
    print(e)
try:
    a['x']
except TypeError as e:
    print(e)
class Idx:
    def __index__(self): return 3
print(a[Idx():], a[:Idx()])
