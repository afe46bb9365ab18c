# sys.set_asyncgen_hooks/get_asyncgen_hooks and asyncio's finalizer hook: async generators
# abandoned inside the loop are closed by the loop (aclose scheduled), checked hooks.
import asyncio, gc
log = []
async def agen():
    try:
        for i in range(10):
            yield i
    finally:
        log.append("finalized")
async def main():
    g = agen()
    async for x in g:
        if x == 2:
            break
    del g
    gc.collect()
    await asyncio.sleep(0.01)
    print("inside loop:", log)
    async def inner():
        async for x in agen():
            if x == 1:
                return x
    print(await inner())
    await asyncio.sleep(0.01)
    print("after inner:", log)
    print(len(asyncio.get_running_loop()._asyncgens))
asyncio.run(main())
print(log)
import sys
print(sys.get_asyncgen_hooks())
h = sys.get_asyncgen_hooks()
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print(e)
sys.set_asyncgen_hooks(finalizer=print)
print(sys.get_asyncgen_hooks().finalizer is print, sys.get_asyncgen_hooks().firstiter)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
