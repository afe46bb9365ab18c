# async def / await driven by coro.send(None) in a plain loop.
class Yield:
    """An awaitable that suspends once, handing `value` to the driver."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        reply = yield self.value
        return reply


def run(coro):
    reply = None
    while True:
        try:
            request = coro.send(reply)
        except StopIteration as e:
            return e.value
        print("driver got", request)
        reply = request * 2 if isinstance(request, int) else None


async def add(a, b):
    x = await Yield(a)
    y = await Yield(b)
    return x + y


async def main():
    first = await add(1, 2)
    second = await add(10, 20)
    return [first, second]


print(run(main()))
c = add(1, 1)
print(type(c).__name__)
print(run(c))
