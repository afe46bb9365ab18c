# hash() as CPython's (real hash + 1000003 * imag hash), equality with every numeric type,
# and ordering errors.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


for v in [0j, 1j, -1j, 1 + 2j, complex(1, 0), complex(-1, 0), complex(-1, -1), complex(0.5, 0.25),
          complex(1e100, -1e100), complex(float("inf"), 0), complex(0, -float("inf")), complex(-0.0, -0.0),
          complex(2**61, 1), complex(1e16, 3)]:
    print(repr(v), hash(v))
print(hash(complex(1, 0)) == hash(1), hash(complex(2.5, 0)) == hash(2.5), hash(1j) == 1000003)
n = complex(float("nan"), 1)
print(hash(n) == hash(n), n == n, n != n)
print({1: "a", 1 + 0j: "b", 1.0: "c"}, {0j, 0, 0.0, False})
print(len({1j, complex(0, 1), 1j * 1}))

for x, y in [(1j, 1j), (1j, 2j), (1 + 0j, 1), (1 + 0j, True), (0j, False), (1 + 0j, 1.0), (1 + 1j, 1),
             (1 + 1j, 1.0), (complex(2**53), 2**53 + 1), (complex(2**53), 2**53), (complex(1e300), 10**300),
             (complex(float("inf")), 10**400), (complex(float("nan")), float("nan")), (-0.0 + 0j, 0),
             (1j, "1j"), (1j, None), (1j, [1j])]:
    print(repr(x), repr(y), x == y, y == x, x != y, y != x)

for op in ["<", "<=", ">", ">="]:
    for x, y in [(1j, 2j), (1j, 1), (1, 1j), (1.5, 1j), (1j, "a")]:
        attempt(f"{x!r} {op} {y!r}", lambda: eval(f"x {op} y"))
attempt("sorted", lambda: sorted([2j, 1j]))
attempt("max", lambda: max(1j, 2j))
print(1j in [1j], 1 in [1 + 0j], (1 + 0j) in {1}, [1j].index(1j), (1, 2j).count(2j))
