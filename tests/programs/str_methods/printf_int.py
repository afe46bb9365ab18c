# %-formatting of integers: d i u o x X with flags, width and precision.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

for fmt in ["%d", "%i", "%u", "%o", "%x", "%X", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+5d", "%-+5d|", "%#o", "%#x", "%#X",
            "%#08x", "%#8x", "%-#8x|", "%.5d", "%#.5x", "%8.3d", "%-08.3d|", "% 05d", "%+#o", "%ld", "%hd", "%Ld"]:
    print(repr(fmt), [fmt % v for v in (0, 7, -42, 255, 2**70, -2**64, True)])
print("%d %i" % (3.99, -3.99), "%d" % 1e20, "%x" % True)
show("%d inf", lambda: "%d" % float("inf"))
show("%d nan", lambda: "%d" % float("nan"))
show("%x 1.5", lambda: "%x" % 1.5)
show("%o str", lambda: "%o" % "a")
show("%d str", lambda: "%d" % "a")
show("%d None", lambda: "%d" % None)
show("%i list", lambda: "%i" % [1])
