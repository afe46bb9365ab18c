# Too many positional arguments with defaults: "from N to M".
def f(a, b=1, c=2):
    return a + b + c


print(f(1), f(1, 2), f(1, 2, 3))
try:
    f()
except TypeError as e:
    print("caught:", e)
f(1, 2, 3, 4, 5)
