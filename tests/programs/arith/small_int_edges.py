# Int arithmetic at the machine-word edges, where the inline fast path must hand over to
# big ints, and operand kinds it must not take (bools, subclasses, floats).
M = 2**63 - 1
m = -(2**63)
vals = [0, 1, -1, 2, -2, 7, -7, M, m, M - 1, m + 1, 2**31, -(2**31), 2**32 + 5, 3037000499, 3037000500]
for a in vals:
    for b in vals:
        r = (a + b, a - b, a * b, a & b, a | b, a ^ b)
        if b:
            r += (a // b, a % b)
        print(a, b, r)
x = M
x += 1
print(x, type(x).__name__)
x = m
x -= 1
print(x)
x = 3037000500
x *= x
print(x)
print(True + True, True - False, True * 3, True & 1, type(True & True).__name__, type(True & 1).__name__)
print(-True * M, False * m)


class I(int):
    def __add__(self, other):
        return "I.add"

    def __and__(self, other):
        return "I.and"


print(I(1) + 2, 2 + I(1), I(3) & 1, 1 & I(3), I(5) * 2, type(I(5) * 2).__name__)
print(1 + 2.5, 2**53 + 1.0, 3 * 0.5, 7 & 3, -7 & 3, -7 & -3)
try:
    1 & 1.0
except TypeError as e:
    print("TypeError:", e)
acc = 0
for i in range(1000):
    acc = acc * 3 + i - (i & 5)
print(acc)
