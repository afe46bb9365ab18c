# asyncio.run, sleep, gather, create_task, call_soon/call_later ordering, results and
# exceptions of tasks, task names and done callbacks.
import asyncio


async def double(n, delay):
    await asyncio.sleep(delay)
    return n * 2


async def fails(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def main():
    print("direct:", await double(21, 0))
    print("gather:", await asyncio.gather(double(1, 0.03), double(2, 0.01), double(3, 0.02)))
    results = await asyncio.gather(double(5, 0), fails("boom"), return_exceptions=True)
    print("gather with exceptions:", [type(r).__name__ if isinstance(r, Exception) else r for r in results])
    try:
        await asyncio.gather(fails("first"), double(1, 0.01))
    except ValueError as e:
        print("gather raised:", e)

    order = []
    task = asyncio.create_task(double(7, 0.01), name="seven")
    task.add_done_callback(lambda t: order.append(("done", t.get_name(), t.result())))
    print("task name:", task.get_name(), "done?", task.done())
    print("awaited task:", await task)
    await asyncio.sleep(0)
    print("callback:", order)

    loop = asyncio.get_running_loop()
    events = []
    loop.call_later(0.02, events.append, "later-2")
    loop.call_later(0.01, events.append, "later-1")
    loop.call_soon(events.append, "soon-1")
    loop.call_soon(events.append, "soon-2")
    handle = loop.call_soon(events.append, "cancelled")
    handle.cancel()
    fut = loop.create_future()
    loop.call_later(0.03, fut.set_result, "future-result")
    print("future:", await fut)
    print("events:", events)

    # Tasks started in order run their first steps in order.
    steps = []

    async def step(name):
        steps.append(name + ":start")
        await asyncio.sleep(0)
        steps.append(name + ":end")

    await asyncio.gather(*(step(n) for n in "abc"))
    print("steps:", steps)
    print("current task is a Task:", isinstance(asyncio.current_task(), asyncio.Task))
    print("all tasks:", len(asyncio.all_tasks()))
    return "main-result"


print("run returned:", asyncio.run(main()))
print("second run:", asyncio.run(double(4, 0)))
try:
    asyncio.run(fails("at top"))
except ValueError as e:
    print("run raised:", e)
