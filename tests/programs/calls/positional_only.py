# Positional-only parameters (before `/`) can only be passed by position.
def f(a, b, /, c, d=4):
    return (a, b, c, d)


print(f(1, 2, 3))
print(f(1, 2, c=30))
print(f(1, 2, 3, d=40))
print(f(1, 2, d=5, c=6))


def g(x, /, **kwargs):
    # `x` can also appear in **kwargs because it is positional-only.
    return x, sorted(kwargs.items())


print(g(1, x=2, y=3))

try:
    f(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)

try:
    f(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
