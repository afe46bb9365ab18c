# yield from / await running the delegate in the caller's loop: sent values, return values,
# PEP 479, throw() through the delegation, and recursion through yield from.
def inner(n):
    for i in range(n):
        x = yield i
        if x:
            print("inner got", x)
    return "inner-done"
def outer():
    r = yield from inner(3)
    print("returned", r)
    r2 = yield from [10, 20]
    print("list returned", r2)
    return "outer-done"
g = outer()
print(next(g)); print(g.send("hello")); print(next(g)); print(next(g)); print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def tree(d):
    if d == 0:
        yield 1
        return
    yield d
    yield from tree(d - 1)
    yield from tree(d - 1)
print(sum(tree(10)), list(tree(2)))
def bad():
    yield 1
    raise StopIteration("x")
def wrap():
    yield from bad()
try:
    print(list(wrap()))
except RuntimeError as e:
    print("RT", e)
def thrower():
    try:
        yield 1
    except ValueError as e:
        print("inner caught", e)
        yield 2
def deleg():
    yield from thrower()
d = deleg(); print(next(d)); print(d.throw(ValueError("boom")))

async def a(x):
    await asyncio.sleep(0)
    return x * 2
async def b():
    s = 0
    for i in range(5):
        s += await a(i)
    return s

async def c2():
    return 5
async def c1():
    return await c2() + await c2()
co = c1()
try:
    co.send(None)
except StopIteration as e:
    print("coro", e.value)
def gen_with_send():
    total = 0
    while True:
        v = yield total
        if v is None: return total
        total += v
def drive():
    r = yield from gen_with_send()
    return r
dd = drive(); next(dd)
for i in range(5): dd.send(i)
try: dd.send(None)
except StopIteration as e: print("drive", e.value)
