# A failing assert with a message.
def check(x):
    assert x > 0, "x must be positive, got %d" % x
    return x


print(check(1))
try:
    check(0)
except AssertionError as e:
    print("caught:", e)
check(-5)
