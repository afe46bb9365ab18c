# async with calls __aenter__ and __aexit__; __aexit__ can suppress.
class Session:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("aenter", self.name)
        return self.name + "-conn"

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, None if exc_type is None else exc_type.__name__)
        return self.suppress


async def main():
    async with Session("a") as conn:
        print("using", conn)
    async with Session("b", suppress=True):
        raise ValueError("swallowed")
    try:
        async with Session("c"):
            raise KeyError("kept")
    except KeyError as e:
        print("caught", repr(e))
    async with Session("x") as x, Session("y") as y:
        print(x, y)
    return "done"


try:
    main().send(None)
except StopIteration as e:
    print(e.value)
