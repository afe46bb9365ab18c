# A hand-written generator-based context manager (no contextlib).
class gen_cm:
    def __init__(self, func, *args):
        self.gen = func(*args)

    def __enter__(self):
        return next(self.gen)

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(exc)
        except StopIteration:
            return True
        except BaseException as e:
            if e is exc:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw")


def opened(name):
    print("open", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("generator saw", e)
    finally:
        print("close", name)


with gen_cm(opened, "a") as h:
    print("handle", h)
with gen_cm(opened, "b"):
    raise ValueError("handled by generator")
try:
    with gen_cm(opened, "c"):
        raise KeyError("not handled")
except KeyError as e:
    print("escaped", repr(e))
