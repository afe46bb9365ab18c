a = list(range(10))
a[2:5] = ['a', 'b']; print(a)
a[:0] = [-1]; print(a)
a[len(a):] = [99, 100]; print(a)
a[3:1] = ['x']; print(a)
a[::2] = range(len(a[::2])); print(a)
a[:] = "hey"; print(a)
a[1:2] = []; print(a)
b = [1, 2, 3]
b[1:] = b; print(b)
b[::-1] = b; print(b)
c = list(range(10))
del c[::3]; print(c)
del c[1:3]; print(c)
del c[::-2]; print(c)
del c[:]; print(c)
d = list(range(5))
d[5:2:-1] = ['p', 'q']; print(d)
try:
    d[::2] = [1]
except ValueError as e:
    print(e)
try:
    d[1:3] = 5
except TypeError as e:
    print(e)
try:
    d[::2] = 5
except TypeError as e:
    print(e)
e = [1, 2, 3, 4]
e[-2:] = (7, 8, 9); print(e)
e[1:-1] = {}; print(e)
t = (1, 2)
try:
    t[0:1] = [5]
except TypeError as err:
    print(err)
