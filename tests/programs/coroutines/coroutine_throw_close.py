# throw() and close() on a suspended coroutine.
class Suspend:
    def __await__(self):
        yield "suspended"


async def guarded():
    try:
        await Suspend()
        await Suspend()
    except ValueError as e:
        print("coroutine handled", e)
        return "recovered"
    finally:
        print("coroutine finally")


c = guarded()
print(c.send(None))
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("returned", e.value)

c = guarded()
c.send(None)
c.close()
print("closed")

c = guarded()
c.send(None)
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("escaped", repr(e))
