# `x[i] op= y` and `x[i]` on lists of floats and ints: the register loop runs these on
# exact lists in place (compact float/int storage); every other case must behave as usual.

a = [1.0, 2.0, 3.0, 4.0]
a[0] += 0.5
a[1] -= 4.0
a[2] *= -1.5
a[3] /= 8
a[-1] **= 0.5
a[-4] += 1
print(a, a[0], a[-1], a[-2])

# Ints that become floats, floats that become ints: the storage changes kind.
b = [1, 2, 3]
b[0] += 0.25
b[1] *= 2
b[2] /= 2
print(b, [type(x).__name__ for x in b])
c = [1.5, 2.5]
c[0] = 7
c[1] += 1
print(c, [type(x).__name__ for x in c])
d = [1.0, 2.0]
d[0] = "s"
d[1] += 1.0
print(d)
e = [True, False]
e[0] += 1
e[1] += 0.5
print(e)

# Signed zeros, infinities and NaNs.
z = [0.0, -0.0, 1.0]
z[0] *= -1
z[1] += 0.0
z[2] /= float("-inf")
print(z, [repr(x) for x in z])
inf = float("inf")
f = [inf, -inf, 1e308]
f[0] -= inf
f[1] *= 0.0
f[2] *= 10
print(f, f[0] == f[0], f[0] is f[0], f[2])
n = [float("nan"), 2.0]
x = n[0]
print(x is n[0], n[0] == n[0], [x] == [x], n)
n[1] += float("nan")
print(n, n[1] is n[1])
g = [1e308, 2.0]
g[0] += 1e308
g[1] **= 0.5
print(g)

# Errors inside the augmented assignment.
def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as exc:
        print(label, type(exc).__name__, exc)

h = [1.0, 0.0, -8.0, 2.0]
def div0(): h[0] /= 0.0
def div0_int(): h[0] /= 0
def mod0(): h[0] %= 0.0
def floordiv0(): h[0] //= 0.0
def zero_neg_pow(): h[1] **= -1
def neg_frac_pow(): h[2] **= 0.5; return h[2]
def overflow_pow(): h[3] **= 10000.0
def get_out(): return h[4]
def set_out(): h[-5] += 1.0
def set_plain_out(): h[7] = 1.0
def bad_index(): h["x"] += 1.0
def float_index(): h[1.0] += 1.0
for label, fn in [("div0", div0), ("div0_int", div0_int), ("mod0", mod0), ("floordiv0", floordiv0),
                  ("zero_neg_pow", zero_neg_pow), ("neg_frac_pow", neg_frac_pow),
                  ("overflow_pow", overflow_pow), ("get_out", get_out), ("set_out", set_out),
                  ("set_plain_out", set_plain_out), ("bad_index", bad_index),
                  ("float_index", float_index)]:
    attempt(label, fn)
print(h)
print(1.0 / 2, 3 / 2.0, 2 ** 0.5, 2.0 ** 2, 0.0 ** 0.5, 4.0 ** -0.5, (-2.0) ** 2.0, inf ** 0.5)
attempt("0.0 ** -1.0", lambda: 0.0 ** -1.0)
attempt("1.5 / 0", lambda: 1.5 / 0)
attempt("1 / 0.0", lambda: 1 / 0.0)
attempt("1e200 ** 2.0", lambda: 1e200 ** 2.0)

# Index keys that are not plain ints.
class Idx:
    def __index__(self):
        return 1
k = [1.0, 2.0, 3.0]
k[Idx()] += 10.0
k[True] -= 1.0
k[False] += 0.5
print(k)

# List subclasses: overridden item access runs, plain subclasses behave as lists.
class Logged(list):
    def __getitem__(self, i):
        print("  get", i)
        return super().__getitem__(i)
    def __setitem__(self, i, v):
        print("  set", i, v)
        super().__setitem__(i, v)
lg = Logged([1.0, 2.0])
lg[0] += 1.0
lg[-1] *= 3
print(lg, lg[1])
class Plain(list):
    pass
pl = Plain([1.0, 2.0])
pl[1] -= 0.5
print(pl, type(pl).__name__)

# Float subclasses: their own operators run.
class F(float):
    def __add__(self, other):
        return "F.__add__"
    def __isub__(self, other):
        return "F.__isub__"
fl = [F(1.0), F(2.0)]
fl[0] += 1.0
fl[1] -= 1.0
print(fl)
class G(float):
    pass
gl = [G(1.5)]
gl[0] *= 2.0
print(gl, type(gl[0]).__name__)

# The right operand changes the list while the statement runs.
class Mutate:
    def __init__(self, target, how):
        self.target, self.how = target, how
    def __radd__(self, other):
        if self.how == "append":
            self.target.append("tail")
        elif self.how == "clear":
            self.target.clear()
        elif self.how == "ints":
            self.target[:] = [7, 8, 9]
        return other + 100.0
m1 = [1.0, 2.0]
m1[0] += Mutate(m1, "append")
print(m1)
m2 = [1.0, 2.0]
attempt("cleared", lambda: m2.__setitem__(0, m2[0] + Mutate(m2, "clear")))
m2 = [1.0, 2.0]
def aug_cleared():
    m2[1] += Mutate(m2, "clear")
attempt("aug_cleared", aug_cleared)
print(m2)
m3 = [1.0, 2.0, 3.0]
m3[2] += Mutate(m3, "ints")
print(m3)

# Dicts and tuples under the same instructions.
dd = {"a": 1.0, 0: 2.0}
dd["a"] += 1.5
dd[0] *= 2
print(dd)
tt = (1.0, 2.0)
def tuple_aug():
    tt[0] += 1.0
attempt("tuple_aug", tuple_aug)
print(tt[0], tt[-1])
attempt("tuple_out", lambda: tt[2])

# Nested lists and a loop like the n-body benchmark's.
bodies = [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
pairs = [(bodies[0], bodies[1])]
for _ in range(3):
    for p, q in pairs:
        dx = p[0] - q[0]
        p[1] -= dx * 0.5
        q[2] += dx ** 2.0
    for body in bodies:
        body[0] += 0.25 * body[1]
print(bodies)

# Other containers and keys under the fused `x[i] op= y` instructions.
ba = bytearray(b"ab")
ba[0] += 1
ba[-1] -= 1
print(ba)
class Box:
    def __init__(self):
        self.items = {0: 1.5}
    def __getitem__(self, k):
        print("  Box get", k)
        return self.items[k]
    def __setitem__(self, k, v):
        print("  Box set", k, v)
        self.items[k] = v
bx = Box()
bx[0] *= 2.0
print(bx.items)
big = [1.0, 2.0]
def huge_index():
    big[2 ** 70] += 1.0
def huge_negative():
    big[-(2 ** 70)] -= 1.0
def below_minus_len():
    big[-3] *= 2.0
attempt("huge_index", huge_index)
attempt("huge_negative", huge_negative)
attempt("below_minus_len", below_minus_len)
big[-2] += big[-1]
print(big)
nested = [[1.0, 2.0], [3.0]]
nested[0][1] += nested[1][0]
nested[-1][-1] *= nested[0][0]
print(nested)
