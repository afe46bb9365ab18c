# Multiple context managers enter left to right and exit right to left.
class CM:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter

    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("cannot enter " + self.name)
        return self.name

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


with CM("a") as a, CM("b") as b, CM("c"):
    print("body", a, b)

with (
    CM("p") as p,
    CM("q") as q,
):
    print("parenthesized", p, q)

try:
    with CM("x"), CM("y", fail_enter=True), CM("z"):
        print("never")
except RuntimeError as e:
    print("caught", e)
