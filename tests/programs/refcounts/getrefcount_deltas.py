# sys.getrefcount changes by one for each new reference, and back when it goes.
import sys

a = []
base = sys.getrefcount(a)
b = a
print("after b = a:", sys.getrefcount(a) - base)
c = [a, a]
print("after a list holding it twice:", sys.getrefcount(a) - base)
del c
print("after del of the list:", sys.getrefcount(a) - base)
d = {"k": a}
print("after a dict value:", sys.getrefcount(a) - base)
d.clear()
del b
print("after clearing both:", sys.getrefcount(a) - base)


def hold(x):
    return sys.getrefcount(x) - base


print("inside a call:", hold(a) > 0)
t = (a,)
print("in a tuple:", sys.getrefcount(a) - base)
