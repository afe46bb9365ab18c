# float() of bytes-like objects reads them as ASCII text; an int subclass's own __float__
# is honoured by native functions (PyFloat_AsDouble).
import math


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


for data in [b"1.5", b"  -2.25e3\n", b"inf", b"-nan", b"1_000.5", bytearray(b"3.75"), memoryview(b"4.5"),
             b"", b"x", b"1.5x", b"1__0", b"\xff", b"1\x00", bytearray(b"oops")]:
    attempt(repr(data) if not isinstance(data, memoryview) else "memoryview", lambda: float(data))


class MyInt(int):
    def __float__(self):
        return 0.5


class FloatSub(float):
    pass


class BadInt(int):
    def __float__(self):
        return 1


attempt("sqrt MyInt", lambda: math.sqrt(MyInt(16)))
attempt("sqrt BadInt", lambda: math.sqrt(BadInt(16)))
attempt("float MyInt", lambda: float(MyInt(16)))
attempt("float BadInt", lambda: float(BadInt(16)))


class F(float):
    def __float__(self):
        return 8.5


class G:
    def __index__(self):
        return 12


class H:
    def __index__(self):
        return 1.5


attempt("float F", lambda: float(F(1.0)))
attempt("sqrt F", lambda: math.sqrt(F(4.0)))
attempt("float G", lambda: float(G()))
attempt("float H", lambda: float(H()))
attempt("complex MyInt", lambda: complex(MyInt(16)))
attempt("complex MyInt 2", lambda: complex(MyInt(3), MyInt(4)))
