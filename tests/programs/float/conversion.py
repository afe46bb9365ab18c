# Converting between int, float and str.
print(float(3), float(-7), float(2 ** 70), float(True), float(0))
print(float("1.5"), float("  -2.25  "), float("1e3"), float("-1E-3"), float("+.5"))
print(float("5."), float("1_000.5"), float("-0"), float("0.1"), float("3"))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e20), int(-0.0))
print(int(2.0 ** 63), int(1.0e18), int(123456.789))
print(str(1.0), str(1e16), str(-0.0), str(0.1 + 0.2), str(1e-5))
print(repr(2.5), repr(1e300), repr(float("inf")))
print(int(float("42.0")), float(int("42")), float(str(0.3)) == 0.3)
