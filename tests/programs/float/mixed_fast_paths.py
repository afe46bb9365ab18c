# Arithmetic the eval loop finishes inline (int/float mixes, float powers) must agree
# with the general path: rounding of big ints, overflow, zero and negative bases.
big = 2**53 + 1
print(big * 1.0, 1.0 * big, big + 0.5, 0.5 - big, big / 3.0, 3 / 2.0)
print((2**63 - 1) * 1.0, -(2**63) + 0.0)
print(2 ** 0.5, 2.0 ** 0.5, 10.0 ** -2, 1e-300 ** 10, 7.5 ** 3)
for base, exp in [(1e300, 2.0), (10.0, 400), (0.0, -1.0), (-8.0, 1 / 3), (-2.0, 2.0), (0.0, 0.0), (float("inf"), 2.0)]:
    try:
        print(base, exp, base ** exp)
    except Exception as e:
        print(base, exp, type(e).__name__, e)
print(1e308 * 10.0, -1e308 * 10.0, 1e308 + 1e308)
x = 0.1
for i in range(5):
    x = x * 3 + i - 0.25 / (i + 1)
print(x, x < 3, 3 > x, 2.5 == 2.5, 1 < 1.5, 2**60 < 2.0**60 + 1)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(5 % 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(7 // 2.0, -7 % 2.5, 2.5 // -1, True + 1.5, 1.5 * False)
