# and / or return one of their operands and short-circuit; not returns a bool.
def v(x):
    print("eval", repr(x))
    return x


print(0 or "x", "" or 0, None or [], 1 or 2, [] or {} or "last")
print("" and 1, 1 and 2, [1] and "yes", None and 1, 0 and 1 / 0)
print(not 0, not 1, not "", not "a", not None, not [], not [0], not 0.0)
print(v(0) or v(2) or v(3))
print(v(1) and v(0) and v(3))
print(v(None) or v(""))
print(v(1) and v("b"))
print(1 or 1 / 0, 0 and 1 / 0)
print(not 1 == 2, not (1 and 0), (not 1) == 0)
print(1 and 2 or 3, 0 and 2 or 3, 0 or 0 and 1, 1 or 0 and 0)
