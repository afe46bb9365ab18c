# Awaiting the same coroutine object twice.
async def inner():
    return 1


async def main():
    c = inner()
    print(await c)
    print(await c)


main().send(None)
