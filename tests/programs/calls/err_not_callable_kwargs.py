# ** with a non-mapping argument in a call.
def f(**kw):
    return kw


print(f(**{"a": 1}))
print(f(**dict([("b", 2)])))
try:
    f(*[1])
except TypeError as e:
    print("caught:", e)
f(**[("a", 1)])
