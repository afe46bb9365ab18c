# **kwargs collects extra keyword arguments into a dict (in call order).
def f(a, **kwargs):
    return a, kwargs


print(f(1))
print(f(1, x=2, y=3))
print(f(a=1, z=26, b=2))
print(f(**{"a": 5, "c": 6}))
print(f(0, **{"x": 1}, y=2, **{"z": 3}))


def show(**kw):
    for key, value in kw.items():
        print(" ", key, "=", value)


show(one=1, two=2, three=3)

opts = {"sep": ", ", "end": ".\n"}
print("a", "b", "c", **opts)

try:
    f(1, **{"x": 1}, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)

try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
