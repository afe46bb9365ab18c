# Default values are evaluated once, at definition time.
counter = 0


def next_value():
    global counter
    counter += 1
    return counter


def f(x=next_value()):
    return x


print(f(), f(), f(99), counter)


def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))

v = 10


def g(a=v):
    return a


v = 20
print(g())
print(f.__defaults__, append_to.__defaults__)


def h(a, b=2, *, c=3, d):
    return a, b, c, d


print(h.__defaults__, sorted(h.__kwdefaults__.items()))
print(h(1, d=4))
