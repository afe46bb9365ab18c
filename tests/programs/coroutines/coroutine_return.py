# A coroutine with no suspension finishes on the first send(None).
async def compute(x):
    return x * x


async def chain():
    total = 0
    for i in range(4):
        total += await compute(i)
    return total


c = chain()
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)

c = compute(7)
print(c.cr_running, c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
