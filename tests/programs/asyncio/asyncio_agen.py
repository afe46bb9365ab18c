# Async generators, async for, async with, async comprehensions inside asyncio, and
# loop.shutdown_asyncgens finishing an unfinished async generator.
import asyncio
import contextlib


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


class Resource:
    def __init__(self, log):
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0)
        self.log.append("enter")
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0)
        self.log.append(("exit", exc[0].__name__ if exc[0] else None))
        return False


@contextlib.asynccontextmanager
async def managed(log):
    log.append("acquire")
    try:
        yield "handle"
    finally:
        log.append("release")


class Countdown:
    def __init__(self, start):
        self.n = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


finalized = []


async def endless():
    try:
        i = 0
        while True:
            yield i
            i += 1
    finally:
        finalized.append("endless closed")


async def main():
    total = 0
    async for i in ticker(5):
        total += i
    print("sum:", total)
    print("comprehension:", [x * 2 async for x in ticker(4) if x % 2 == 0])
    print("countdown:", [x async for x in Countdown(3)])

    log = []
    async with Resource(log) as r:
        log.append(type(r).__name__)
    try:
        async with Resource(log):
            raise RuntimeError("inside")
    except RuntimeError:
        log.append("caught")
    print(log)

    log = []
    async with managed(log) as h:
        log.append(h)
    print(log)

    gen = ticker(3)
    print("anext:", await gen.__anext__(), await anext(gen), await anext(gen, "x"), await anext(gen, "default"))

    agen = endless()
    print("first values:", await anext(agen), await anext(agen))
    # Left unfinished: asyncio.run's shutdown_asyncgens closes it.
    return agen


keep = asyncio.run(main())
print("after run:", finalized)
