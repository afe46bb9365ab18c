# gc.collect() returns the number of unreachable objects it found.
import gc

gc.collect()
l = []
l.append(l)
del l
print("list containing itself:", gc.collect())


def make_closure():
    def inner():
        return inner
    return inner


f = make_closure()
del f
print("cycle through a closure:", gc.collect())
print("nothing left:", gc.collect())
print(gc.isenabled(), gc.get_threshold())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
