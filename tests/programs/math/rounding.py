# floor, ceil and trunc: floats to ints (big for huge floats), errors for inf/nan, and
# the __floor__/__ceil__/__trunc__ of other objects.
import math

values = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.0, -2.0, 1e-300, -1e-300, 123456.789, -123456.789,
          2.0**52 + 0.5, 2.0**62, -2.0**63, 2.0**63, 9.2e18, 1e19, -1e19, 1e100, -1.5e300, 1.7976931348623157e308]
for name in ["floor", "ceil", "trunc"]:
    f = getattr(math, name)
    print(name, [f(x) for x in values])
    print(name, [type(f(x)).__name__ for x in values[:4]])
    for bad in [math.inf, -math.inf, math.nan]:
        try:
            f(bad)
        except (OverflowError, ValueError) as e:
            print(name, type(e).__name__, e)
    print(name, f(7), f(-7), f(2**100), f(True), f(False), type(f(True)).__name__)

class Number:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
n = Number()
print(math.floor(n), math.ceil(n), math.trunc(n))

class MyFloat(float):
    def __floor__(self):
        return 42
print(math.floor(MyFloat(2.5)), math.ceil(MyFloat(2.5)), math.trunc(MyFloat(-2.5)))

class PlainFloat(float):
    pass
print(math.floor(PlainFloat(-2.5)), math.ceil(PlainFloat(-2.5)), math.trunc(PlainFloat(-2.5)))

class MyInt(int):
    def __ceil__(self):
        return "int ceil"
print(math.floor(MyInt(5)), math.ceil(MyInt(5)), math.trunc(MyInt(5)), type(math.floor(MyInt(5))).__name__)

class HasFloat:
    def __float__(self):
        return 3.7
print(math.floor(HasFloat()), math.ceil(HasFloat()))
try:
    math.trunc(HasFloat())
except TypeError as e:
    print("TypeError", e)

class HasIndex:
    def __index__(self):
        return 11
print(math.floor(HasIndex()), math.ceil(HasIndex()))

class Raises:
    def __floor__(self):
        raise RuntimeError("from __floor__")
try:
    math.floor(Raises())
except RuntimeError as e:
    print("RuntimeError", e)

for bad in ["x", None, [1]]:
    for f in (math.floor, math.ceil, math.trunc):
        try:
            f(bad)
        except TypeError as e:
            print(f.__name__, "TypeError", e)
