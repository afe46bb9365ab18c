# types.coroutine turns a generator into an awaitable usable from async def.
import types


@types.coroutine
def sleep_tick(label):
    value = yield ("tick", label)
    return value


async def task(name):
    a = await sleep_tick(name + "1")
    b = await sleep_tick(name + "2")
    return name, a, b


def scheduler(coros):
    results = {}
    queue = [(c, None) for c in coros]
    step = 0
    while queue:
        coro, value = queue.pop(0)
        try:
            request = coro.send(value)
        except StopIteration as e:
            results[e.value[0]] = e.value
            continue
        step += 1
        print("step", step, request)
        queue.append((coro, step))
    return results


print(scheduler([task("A"), task("B")]))
