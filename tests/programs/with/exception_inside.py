# __exit__ receives the exception details; exceptions in __exit__ replace them.
class Inspect:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print("type:", exc_type.__name__ if exc_type else None)
        print("value:", repr(exc))
        print("tb is None:", tb is None)
        return False


with Inspect():
    pass
try:
    with Inspect():
        raise KeyError("inside")
except KeyError as e:
    print("propagated", repr(e))


class Replace:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("from exit")


try:
    with Replace():
        raise ValueError("original")
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))


class EnterFails:
    def __enter__(self):
        raise OSError("enter failed")

    def __exit__(self, *exc):
        print("exit should not run")


try:
    with EnterFails():
        print("body should not run")
except OSError as e:
    print("caught", e)
