# Cancellation: CancelledError inside the task, cleanup in finally, cancel messages,
# uncancel/cancelling, TaskGroup errors, and exceptions escaping tasks.
import asyncio


async def worker(log):
    try:
        log.append("start")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("cancelled inside")
        raise
    finally:
        log.append("cleanup")


async def swallow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "swallowed"


async def main():
    log = []
    task = asyncio.create_task(worker(log))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log.append("caller saw CancelledError")
    print(log, task.cancelled())

    t = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    t.cancel()
    print("swallowed:", await t, t.cancelled())

    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel("with a message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message:", e.args)

    print("CancelledError is BaseException only:", issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))

    async def child(n):
        await asyncio.sleep(0.001 * n)
        if n == 2:
            raise KeyError(n)
        return n

    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(4):
                tg.create_task(child(n))
    except* KeyError as eg:
        print("TaskGroup:", type(eg).__name__, [repr(e) for e in eg.exceptions])

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(child(n)) for n in (0, 1, 3)]
    print("TaskGroup results:", [t.result() for t in tasks])

    outer = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    outer.cancel()
    print("cancelling:", outer.cancelling())
    await asyncio.gather(outer, return_exceptions=True)
    print("done:", outer.done(), outer.cancelled())

    failing = asyncio.create_task(child(2))
    await asyncio.sleep(0.01)
    print("exception():", repr(failing.exception()))


asyncio.run(main())
