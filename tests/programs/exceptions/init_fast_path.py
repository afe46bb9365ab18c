# Exception classes with a Python __init__, called from Python code: the instance is made
# by BaseException.__new__ (which keeps the call's arguments as args) and __init__ runs
# as an ordinary frame.


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


class NoSuper(Exception):
    def __init__(self, a, b=2):
        self.total = a + b


class Returns(Exception):
    def __init__(self, x):
        return x


class Raises(Exception):
    def __init__(self, x):
        raise ValueError("bad init " + str(x))


class WithNew(Exception):
    def __new__(cls, *args):
        inst = super().__new__(cls, "from new")
        return inst

    def __init__(self, x):
        self.x = x


class MyOSError(OSError):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = len(args)


e = NotFound("k")
print(type(e).__name__, e.args, e.key, str(e), repr(e))
n = NoSuper(1)
print(n.args, n.total)
n = NoSuper(1, 5)
print(n.args, n.total)
try:
    raise NotFound(7) from None
except AppError as caught:
    print("caught", caught.args, caught.key, caught.__cause__, caught.__suppress_context__)
try:
    Returns(3)
except TypeError as t:
    print("TypeError:", t)
print(Returns(None).args)
try:
    Raises(4)
except ValueError as v:
    print("ValueError:", v)
w = WithNew(9)
print(w.args, w.x)
o = MyOSError(2, "No such file")
print(type(o).__name__, o.args, o.errno, o.strerror, o.extra)
try:
    NoSuper()
except TypeError as t:
    print("TypeError:", t)
try:
    NotFound(1, 2)
except TypeError as t:
    print("TypeError:", t)
# Many instances in a loop (the fast path, then a class changed under it).
total = 0
for i in range(300):
    total += NotFound(i).key
    if i == 150:
        NotFound.__init__ = lambda self, key: setattr(self, "key", -key)
print(total)
