# Bare raise re-raises the active exception, keeping its identity.
def risky():
    raise ValueError("original")


try:
    try:
        risky()
    except ValueError as e:
        first = e
        print("logging", e)
        raise
except ValueError as e:
    print(e is first, e)

try:
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise TypeError("b")
        except TypeError:
            pass
        raise
except Exception as e:
    print("re-raised", type(e).__name__)

try:
    raise
except RuntimeError as e:
    print(e)


def helper():
    raise


try:
    try:
        raise IndexError("via helper")
    except IndexError:
        helper()
except IndexError as e:
    print(e)
