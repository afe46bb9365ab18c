# Instances whose class the register loop calls: object.__new__ then the Python __init__ in
# its own frame, with type.__call__'s checks (return None, abstract classes, metaclasses).
class P:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y

ps = [P(i) for i in range(5)]
print([(p.x, p.y) for p in ps], P(1, 5).y)

class Bad:
    def __init__(self):
        return 5

try:
    Bad()
except TypeError as e:
    print("TypeError", e)

class Raises:
    def __init__(self, n):
        if n:
            raise ValueError(n)
        self.n = n

for n in (0, 3):
    try:
        print(Raises(n).n)
    except ValueError as e:
        print("ValueError", e)

import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    def __init__(self):
        pass
try:
    A()
except TypeError as e:
    print("TypeError", e)

class WithNew:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, a):
        print("init", a)
WithNew(1)

class Meta(type):
    def __call__(cls, *a):
        print("meta call", a)
        return super().__call__(*a)
class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a
print(M(7).a)

class Sub(P):
    pass
print(Sub(3).x, isinstance(Sub(3), P))

import sys
class Frames:
    def __init__(self):
        f = sys._getframe()
        print(f.f_code.co_name, f.f_back.f_code.co_name)
def make():
    return Frames()
make()

class Slots:
    __slots__ = ("a",)
    def __init__(self, a):
        self.a = a
print(Slots(4).a)

class Del:
    def __init__(self, k):
        self.k = k
    def __del__(self):
        print("del", self.k)
Del(1)
x = Del(2)
del x
class Gen:
    def __init__(self):
        yield 1
try:
    Gen()
except TypeError as e:
    print("TypeError", e)
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None
d = Deep(50)
print(d.child.child is not None)
def rec():
    return Deep(100000)
try:
    rec()
except RecursionError as e:
    print("RecursionError")
class KW:
    def __init__(self, a, *, b=1):
        self.t = (a, b)
print(KW(1).t, KW(1, b=2).t)
