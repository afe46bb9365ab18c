# async for over an async generator and over a class with __aiter__/__anext__.
async def arange(n):
    for i in range(n):
        yield i


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return "tick%d" % self.n


async def main():
    total = 0
    async for x in arange(5):
        total += x
    else:
        print("async for else")
    ticks = []
    async for t in Ticker(3):
        ticks.append(t)
    squares = [x * x async for x in arange(4)]
    evens = {x async for x in arange(6) if x % 2 == 0}
    return total, ticks, squares, sorted(evens)


coro = main()
try:
    coro.send(None)
except StopIteration as e:
    print(e.value)
