# NameError inside a function, reported with a traceback through the call.
def outer():
    return inner() + 1


def inner():
    total = 10
    return total + missing_variable


print("calling")
outer()
