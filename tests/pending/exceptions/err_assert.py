# A failing assert with a message.
def check(x):
    assert x > 0, "x must be positive, got %d" % x
    return x


print(check(1))
check(-5)
