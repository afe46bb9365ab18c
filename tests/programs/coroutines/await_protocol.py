# __await__ must return an iterator; its return value is the await result.
class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(self.value)


class Steps:
    def __await__(self):
        for i in range(3):
            got = yield ("step", i)
            print("step", i, "resumed with", got)
        return "steps done"


async def main():
    a = await Ready(42)
    print("ready gave", a)
    b = await Steps()
    print("steps gave", b)
    return a


coro = main()
msg = coro.send(None)
n = 0
try:
    while True:
        print("suspended:", msg)
        n += 1
        msg = coro.send(n)
except StopIteration as e:
    print("result", e.value)
