# Keyword-only parameters (after `*` or *args) must be passed by name.
def f(a, *, key, flag=False):
    return a, key, flag


print(f(1, key=2))
print(f(1, flag=True, key="k"))


def g(*args, sep="-", end="!"):
    return sep.join(str(a) for a in args) + end


print(g(1, 2, 3))
print(g(1, 2, 3, sep="+", end="?"))
print(g())

try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)

try:
    f(1)
except TypeError as e:
    print("TypeError:", e)


def h(*, a, b, c=3):
    return a + b + c


print(h(b=1, a=2))
try:
    h()
except TypeError as e:
    print("TypeError:", e)
