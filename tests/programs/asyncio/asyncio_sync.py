# Queue producer/consumer, Event, Lock, Semaphore, Condition, wait_for with a timeout,
# asyncio.wait, timeouts and shields.
import asyncio


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        await asyncio.sleep(0)
    await queue.put(None)


async def consumer(queue, seen):
    while True:
        item = await queue.get()
        queue.task_done()
        if item is None:
            return len(seen)
        seen.append(item * item)


async def queues():
    queue = asyncio.Queue(maxsize=2)
    seen = []
    count, _ = await asyncio.gather(consumer(queue, seen), producer(queue, 6))
    print("consumed", count, seen)
    await queue.join()
    print("queue empty:", queue.empty(), "full:", queue.full())
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    lifo = asyncio.LifoQueue()
    prio = asyncio.PriorityQueue()
    for x in (3, 1, 2):
        lifo.put_nowait(x)
        prio.put_nowait(x)
    print("lifo:", [lifo.get_nowait() for _ in range(3)], "priority:", [prio.get_nowait() for _ in range(3)])


async def events_and_locks():
    event = asyncio.Event()
    log = []

    async def waiter(name):
        await event.wait()
        log.append(name)

    tasks = [asyncio.create_task(waiter(n)) for n in ("w1", "w2")]
    await asyncio.sleep(0.01)
    log.append("set")
    event.set()
    await asyncio.gather(*tasks)
    print("event:", log, event.is_set())

    lock = asyncio.Lock()
    inside = []

    async def critical(name):
        async with lock:
            inside.append(name + "+")
            await asyncio.sleep(0.001)
            inside.append(name + "-")

    await asyncio.gather(critical("a"), critical("b"), critical("c"))
    print("lock:", inside, lock.locked())

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0

    async def limited():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.005)
            active -= 1

    await asyncio.gather(*(limited() for _ in range(6)))
    print("semaphore peak:", peak)

    cond = asyncio.Condition()
    ready = []

    async def wait_ready():
        async with cond:
            await cond.wait_for(lambda: ready)
            return ready[0]

    t = asyncio.create_task(wait_ready())
    await asyncio.sleep(0)
    async with cond:
        ready.append("go")
        cond.notify_all()
    print("condition:", await t)


async def timeouts():
    async def slow():
        await asyncio.sleep(10)
        return "never"

    try:
        await asyncio.wait_for(slow(), timeout=0.02)
    except asyncio.TimeoutError as e:
        print("wait_for timed out:", type(e).__name__, isinstance(e, TimeoutError))
    print("wait_for in time:", await asyncio.wait_for(asyncio.sleep(0, "quick"), timeout=1))

    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("asyncio.timeout expired")

    fast = asyncio.create_task(asyncio.sleep(0.001, "fast"))
    slow_task = asyncio.create_task(asyncio.sleep(10, "slow"))
    done, pending = await asyncio.wait({fast, slow_task}, return_when=asyncio.FIRST_COMPLETED)
    print("wait:", [t.result() for t in done], len(pending))
    slow_task.cancel()
    inner = asyncio.create_task(asyncio.sleep(0.01, "shielded"))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.001)
    except asyncio.TimeoutError:
        print("shield: outer timed out, inner result", await inner)


async def main():
    await queues()
    await events_and_locks()
    await timeouts()


asyncio.run(main())
