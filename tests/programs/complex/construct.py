# complex(): positional and keyword arguments, numbers, __complex__/__float__/__index__,
# subclasses, and the constructor's TypeErrors.
def attempt(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: complex())
attempt(lambda: complex(3))
attempt(lambda: complex(2.5))
attempt(lambda: complex(True))
attempt(lambda: complex(1, 2))
attempt(lambda: complex(1.5, -2.5))
attempt(lambda: complex(real=1, imag=2))
attempt(lambda: complex(imag=2))
attempt(lambda: complex(1j, 1j))
attempt(lambda: complex(1+2j, 3+4j))
attempt(lambda: complex(1+2j))
attempt(lambda: complex(0, 1+2j))
attempt(lambda: complex(-0.0, -0.0))
attempt(lambda: complex(2**53 + 1, 0))
attempt(lambda: complex(10**400))
attempt(lambda: complex(1, 10**400))
attempt(lambda: complex(None))
attempt(lambda: complex([]))
attempt(lambda: complex(1, None))
attempt(lambda: complex(1, "2"))
attempt(lambda: complex("1", 2))
attempt(lambda: complex(1, 2, 3))
attempt(lambda: complex(foo=1))
attempt(lambda: complex(1, real=2))
attempt(lambda: complex(b"1"))

z = 1 + 2j
print(complex(z) is z)


class WithComplex:
    def __complex__(self):
        return 5 - 6j


class WithFloat:
    def __float__(self):
        return 7.5


class WithIndex:
    def __index__(self):
        return 9


class BadComplex:
    def __complex__(self):
        return 1.5


class BadFloat:
    def __float__(self):
        return "x"


attempt(lambda: complex(WithComplex()))
attempt(lambda: complex(WithComplex(), 1))
attempt(lambda: complex(WithFloat()))
attempt(lambda: complex(WithFloat(), WithFloat()))
attempt(lambda: complex(WithIndex()))
attempt(lambda: complex(1, WithIndex()))
attempt(lambda: complex(BadComplex()))
attempt(lambda: complex(BadFloat()))
attempt(lambda: complex(1, WithComplex()))


class C(complex):
    pass


c = C(1, 2)
print(type(c).__name__, c, c.real, c.imag, isinstance(c, complex))
print(type(complex(c)).__name__, type(+c).__name__, type(-c).__name__, type(c + 1).__name__)
print(type(c.__complex__()).__name__, c.__getnewargs__(), (3j).__getnewargs__())
c.attr = "dict works"
print(c.attr)


class D(complex):
    def __new__(cls, re, im):
        return super().__new__(cls, re * 10, im * 10)


print(repr(D(1, 2)), type(D(1, 2)).__name__)
print(C("3+4j"), C(), C(imag=1))

print(complex.real, complex.imag)
print((4 - 3j).conjugate(), (4.5j).real, (4.5j).imag, type((1j).real).__name__)
try:
    (1j).real = 5
except AttributeError as e:
    print("AttributeError:", e)
print(complex.__name__, complex.__mro__, type(1j))
