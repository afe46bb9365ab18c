# Async generators: asend, athrow and aclose driven manually.
def drive(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("unexpected suspension")


async def agen():
    try:
        received = yield "first"
        print("got", received)
        while True:
            try:
                received = yield "echo " + str(received)
            except ValueError as e:
                received = "recovered from " + str(e)
    finally:
        print("agen cleanup")


g = agen()
print(type(g).__name__)
print(drive(g.asend(None)))
print(drive(g.asend("hello")))
print(drive(g.athrow(ValueError("oops"))))
print(drive(g.aclose()))
try:
    drive(g.asend(None))
except StopAsyncIteration:
    print("StopAsyncIteration after aclose")
