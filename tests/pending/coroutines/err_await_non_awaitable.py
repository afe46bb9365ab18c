# Awaiting something that is not awaitable.
async def main():
    print("in main")
    await 5


main().send(None)
