# Awaiting something that is not awaitable.
class Fine:
    def __await__(self):
        return iter([])


async def main():
    await Fine()
    print("awaited Fine")
    await 5


main().send(None)
