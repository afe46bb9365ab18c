# nonlocal without an enclosing binding is a SyntaxError (nothing runs).
print("never printed")


def outer():
    def inner():
        nonlocal missing
        missing = 1

    inner()
