# Too many positional arguments when keyword-only arguments were also given.
def f(a, *, b):
    return a + b


print(f(1, b=2))
try:
    f(1, 2)
except TypeError as e:
    print("caught:", e)
f(1, 2, b=3)
