# Conversions from complex refuse: int(), float(), math functions, round, index; bool is
# nonzero-ness; the other direction works.
import math


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


attempt("int", lambda: int(1j))
attempt("int 1+0j", lambda: int(1 + 0j))
attempt("float", lambda: float(1j))
attempt("float 2+0j", lambda: float(2 + 0j))
attempt("math.sqrt", lambda: math.sqrt(1j))
attempt("math.floor", lambda: math.floor(1j))
attempt("math.isnan", lambda: math.isnan(1j))
attempt("math.fabs", lambda: math.fabs(-1 + 0j))
attempt("round", lambda: round(1j))
j = 1j
attempt("index", lambda: [1, 2][j])
attempt("range", lambda: range(1j))
attempt("hex", lambda: hex(1j))
attempt("chr", lambda: chr(1j))
attempt("%d", lambda: "%d" % 1j)
attempt("bool", lambda: [bool(0j), bool(-0j), bool(1j), bool(complex(0, -0.0)), bool(complex(float("nan"), 0))])
attempt("not", lambda: not 0j)
attempt("if", lambda: "yes" if 1e-300j else "no")
attempt("complex.conjugate", lambda: complex.conjugate(2 - 3j))
attempt("int.conjugate", lambda: (5).conjugate())
attempt("float.conjugate", lambda: (5.5).conjugate())
attempt("isinstance", lambda: (isinstance(1j, complex), isinstance(1, complex), issubclass(bool, complex)))
attempt("type", lambda: type(1 + 2j) is complex)
attempt("abs type", lambda: type(abs(1j)).__name__)
attempt("str(complex)", lambda: complex(str(3 - 4j)) == 3 - 4j)
attempt("repr round trip", lambda: all(complex(repr(z)) == z for z in [1j, -1 - 1j, complex(1e16, -1e-16), 0.1 + 0.2j]))
attempt("complex(complex(...))", lambda: complex(complex("1+1j"), complex("1+1j")))
attempt("vars", lambda: sorted(n for n in dir(1j) if not n.startswith("_")))
attempt("__complex__", lambda: (1 + 2j).__complex__())
attempt("dunder add", lambda: ((1j).__add__(1), (1j).__radd__(1.5), (1j).__mul__("a"), (1j).__truediv__(2)))
attempt("dunder pow", lambda: ((2j).__pow__(2), (2j).__rpow__(2)))
attempt("dunder eq", lambda: ((1j).__eq__(1j), (1j).__lt__(2j), (1 + 0j).__eq__(1)))
