# Positional calls that defaults and *args complete, as the register loop makes them
# without the general argument binder.
def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)

print(f(1), f(1, 5), f(1, 5, []), f(2))
f.__defaults__ = (10, [0, 0])
print(f(3), f(3, 4))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print("TypeError", e)

def g(a, *rest):
    return a, rest, type(rest).__name__

print(g(1), g(1, 2), g(1, 2, 3, 4))
try:
    g()
except TypeError as e:
    print("TypeError", e)

def h(*args):
    return args

print(h(), h(1), h(*range(5)), h() is h())

class C:
    def m(self, x=1, *more):
        return type(self).__name__, x, more

    def n(self, y, z=3):
        return y + z

c = C()
bound = c.m
print(c.m(), c.m(2), c.m(2, 3, 4), bound(), bound(7, 8), C.m(c, 5))
print(sum(c.n(i) for i in range(10)), [c.n(i, 1) for i in range(3)])

def k(a, b=1, *, key=2):
    return a, b, key

print(k(1), k(1, 2), k(1, key=3))

def deep(n, acc=0):
    return acc if n == 0 else deep(n - 1, acc + n)

print(deep(500))

def count(n, step=1, *extra):
    i = 0
    while n > 0:
        n -= step
        i += 1
    return i, extra

print(count(10), count(10, 3), count(10, 5, "x"))
