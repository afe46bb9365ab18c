# await inside expressions, conditions, comprehensions and try/finally.
class Val:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        yield "pause"
        return self.v


async def main():
    log = []
    x = await Val(1) + await Val(2) * 10
    log.append(x)
    if await Val(True):
        log.append("cond")
    log.append([await Val(i) for i in range(3)])
    try:
        log.append(await Val("in try"))
    finally:
        log.append(await Val("in finally"))
    return log


coro = main()
pauses = 0
try:
    while True:
        coro.send(None)
        pauses += 1
except StopIteration as e:
    print(e.value)
print("pauses", pauses)
