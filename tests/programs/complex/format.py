# format() and f-strings on complex values: types e/f/g/n and none, precision, sign,
# alignment, grouping, and the specs complex refuses.
def attempt(value, spec):
    try:
        print(repr(spec), repr(format(value, spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__ + ":", e)


values = [1 + 2j, -1.5 - 0.25j, 2j, -0j, complex(-0.0, -0.0), complex(0.0, -0.0),
          complex(1234567.891, -9876543.21), complex(float("inf"), float("nan")), 1e20 + 1e-20j,
          complex(-0.0001, 0.0001)]
specs = ["", "g", ".2f", ".3e", "E", "F", "G", "n", ".0f", ".1g", ".3", "10", "<30", ">30",
         "^30", "*^30.2f", "+", " ", "-", "+.2f", " .2e", "#", "#.0f", "#g", ",", ",.2f", "_.3f",
         "20,.1f", "z.1f", "z", "z.0e", "+z.2f", ".10g", ".17g", ".20e", "x>12.1f"]
for v in values:
    print(repr(v))
    for spec in specs:
        attempt(v, spec)

for spec in ["d", "x", "%", "s", "c", "010", "0<10", "=10", "*=10", ",n", ",d", "_x", "_b", ".f",
             ".2 f", ",_f", "_,f", "<<10"]:
    attempt(1 + 2j, spec)

z = 3 - 4j
print(f"{z}|{z!r}|{z!s}|{z:.1f}|{z:>12}|{z:_^16.2e}|{z!r:>12}")
print("{:.2f} {} {!r} {:+g}".format(1 + 2j, 1j, -1j, -2 + 0j))
print(z.__format__(""), z.__format__(".2f"), complex.__format__(1j, "g"))
print("%s %r" % (z, z))
try:
    print("%f" % z)
except TypeError as e:
    print("TypeError:", e)
