# Arithmetic with int, float, bool and complex operands, reflected forms, unary operators,
# division and power edge cases, and the operators complex does not support.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


a = 1 + 2j
for b in [3, -2, True, 2.5, -0.0, 3 - 4j, 10**20]:
    attempt(f"{a!r} + {b!r}", lambda: a + b)
    attempt(f"{b!r} + {a!r}", lambda: b + a)
    attempt(f"{a!r} - {b!r}", lambda: a - b)
    attempt(f"{b!r} - {a!r}", lambda: b - a)
    attempt(f"{a!r} * {b!r}", lambda: a * b)
    attempt(f"{b!r} * {a!r}", lambda: b * a)
    attempt(f"{a!r} / {b!r}", lambda: a / b)
    attempt(f"{b!r} / {a!r}", lambda: b / a)
    attempt(f"{a!r} ** {b!r}", lambda: a ** b)
    attempt(f"{b!r} ** {a!r}", lambda: b ** a)

attempt("big", lambda: 1j + 10**400)
attempt("big r", lambda: 10**400 * 1j)
attempt("-z", lambda: -(1 - 2j))
attempt("-0j", lambda: -(0j))
attempt("+z", lambda: +(1 - 2j))
attempt("~z", lambda: ~(1j))
attempt("abs", lambda: abs(3 - 4j))
attempt("abs inf nan", lambda: abs(complex(float("nan"), float("-inf"))))
attempt("abs nan", lambda: abs(complex(float("nan"), 1)))
attempt("abs big", lambda: abs(complex(1e308, 1e308)))
attempt("abs small", lambda: abs(complex(3e-310, 4e-310)))
attempt("abs 0", lambda: abs(-0j))

# Division: CPython's scaled algorithm, and division by zero.
for x, y in [
    (1 + 1j, 1e308 + 1e308j), (1e308 + 1e308j, 1e-308j), (1 + 2j, 0.5j), (1 + 2j, 3), (3, 1j),
    (1j, complex(float("nan"), 0)), (1j, complex(float("inf"), 1)), (complex(float("inf"), 1), 2 + 1j),
    (1 + 1j, 1 + 0j), (-0.0j, 1j),
]:
    attempt(f"{x!r} / {y!r}", lambda: x / y)
attempt("1j/0", lambda: 1j / 0)
attempt("1j/0.0", lambda: 1j / 0.0)
attempt("1j/0j", lambda: 1j / 0j)
attempt("1/0j", lambda: 1 / 0j)
attempt("1.5/-0j", lambda: 1.5 / complex(-0.0, -0.0))

# Powers: integer fast path, general path, zero base, overflow.
for x, y in [
    (1j, 2), (1j, 3), (1j, -1), (1 + 1j, 10), (1 + 1j, -10), (2 + 3j, 100), (2 + 3j, 101),
    (1 + 1j, 0.5), (1 + 1j, 1j), (-1, 0.5j), (2, 1 + 1j), (0j, 0), (0j, 0j), (0j, 2), (0j, 2.5),
    (0j, -1), (0j, 1j), (0j, -1.5), (0, -1j), (1e200j, 2), (1e200 + 1e200j, 2.5),
    (complex(float("inf"), 0), 2), (complex(float("nan"), 0), 2), (1j, float("nan")),
    (1 + 1j, 1e400), (-1 + 0j, 0.5), (1.5, 2j), (10**20, 0.5j), (1j, 10**20),
]:
    attempt(f"{x!r} ** {y!r}", lambda: x ** y)
attempt("pow", lambda: pow(1j, 2))
attempt("float neg frac", lambda: (-8.0) ** (1 / 3))
attempt("int neg frac", lambda: (-8) ** 0.5)
attempt("float neg frac 2", lambda: (-1.5) ** 2.5)

for op in ["%", "//", "<<", "&", "@"]:
    for x, y in [(1j, 2), (2, 1j), (1j, 1j), (1j, 2.0)]:
        attempt(f"{x!r} {op} {y!r}", lambda: eval(f"x {op} y"))
attempt("divmod", lambda: divmod(1j, 2))
attempt("str +", lambda: 1j + "a")
attempt("str *", lambda: "a" * 1j)
attempt("list *", lambda: [1] * 2j)
attempt("None", lambda: None - 1j)

z = 1 + 1j
z += 1
z *= 2j
z -= 0.5
z /= 2
z **= 2
print(z)
print(sum([1j, 2, 3.5, 1 - 1j]), sum([0.5j] * 4, 1j))
