# repr and str of complex values: signed zeros, infinities, NaNs, exponents.
inf = float("inf")
nan = float("nan")
values = [
    0j, -0j, complex(0.0, -0.0), complex(-0.0, 0.0), complex(-0.0, -0.0), 1j, -1j, 1 + 0j,
    complex(1, -0.0), 2.5 - 3.25j, complex(1e16, 1), complex(1e15, 1e-5), complex(1e-4, 1e-5),
    complex(1.5e300, -2.5e-300), complex(inf, 0), complex(0, inf), complex(-inf, -inf),
    complex(nan, nan), complex(nan, inf), complex(-nan, -nan), complex(0, nan), complex(-0.0, nan),
    complex(5e-324, 1.7976931348623157e308), complex(0.1, 0.2), complex(1 / 3, 2 / 3),
    complex(123456789012345678, 1), complex(1, 123.0), complex(100, 1e22), 1e-7j,
]
for v in values:
    print(repr(v), str(v), "%s" % (v,), f"{v}", f"{v!r}")
print([1j, 2 + 3j], (1j,), {1j: -1j})
