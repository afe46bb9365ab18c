# Chained comparisons evaluate each operand at most once and short-circuit.
def v(x):
    print("eval", x)
    return x


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1.0 == True)
print(1 < 2 > 0, 1 <= 1 < 2 <= 2, 5 != 5 == 5, 1 < 2 != 2)
print(v(1) < v(2) < v(3))
print(v(1) < v(0) < v(3))
print(v(3) > v(2) > v(1) > v(0))
x = 5
print(0 < x < 10, 0 < x < 5, 0 <= x <= 5, 10 > x >= 5)
print(1 in [1, 2] in [[1, 2]], 1 < 2 in [True])
