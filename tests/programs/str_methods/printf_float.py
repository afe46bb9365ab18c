# %-formatting of floats: e E f F g G with flags, width and precision.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

for fmt in ["%f", "%e", "%E", "%g", "%G", "%F", "%.2f", "%10.3f|", "%-10.1e|", "%010.2f", "%+.3g", "% .1f", "%#.0f", "%#g", "%#.3g",
            "%.0e", "%.0g", "%.12g", "%+010.2e", "%-+9.2f|"]:
    print(repr(fmt), [fmt % v for v in (0.0, -0.0, 1.5, -2.25, 1e-7, 123456789.0, 1e300, 2, float("inf"), float("-inf"), float("nan"))])
print("%f" % 10**20, "%.3f" % True, "%e" % 2**70, "%.100f" % 1e-5)
print("%010f|%-10f|%+f" % (float("-inf"), float("nan"), float("inf")))
show("%e str", lambda: "%e" % "a")
show("%f None", lambda: "%f" % None)
show("%g list", lambda: "%g" % [1.0])
show("%f big", lambda: "%f" % 2**2000)
