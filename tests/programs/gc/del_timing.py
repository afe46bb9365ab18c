# __del__ runs when the last reference goes, at that line; cycles wait for the collector.
import gc


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = Noisy("a")
b = a
print("dropping one of two references")
del a
print("dropping the last reference")
del b
print("after del b")


def scope():
    local = Noisy("local")
    print("leaving the function")


scope()
print("after the call")
x = Noisy("x")
x = Noisy("replacement")
print("after rebinding")
c = Noisy("c")
d = Noisy("d")
c.partner = d
d.partner = c
del c, d
print("cycle dropped, nothing printed yet")
gc.collect()
print("after collect")
del x
