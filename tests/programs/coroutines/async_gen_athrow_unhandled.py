# athrow with an unhandled exception propagates; the async generator is then finished.
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value


async def agen():
    yield 1
    yield 2


g = agen()
print(drive(g.__anext__()))
try:
    drive(g.athrow(RuntimeError("stop")))
except RuntimeError as e:
    print("propagated", e)
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print("exhausted")


async def returns_early():
    yield "only"


g2 = returns_early()
print(drive(g2.__anext__()))
try:
    drive(g2.__anext__())
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)
print(drive(g2.aclose()))
