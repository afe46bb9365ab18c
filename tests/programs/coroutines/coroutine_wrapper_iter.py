# The __await__ of a native coroutine returns a coroutine_wrapper iterator.
async def answer():
    return 42


c = answer()
w = c.__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as e:
    print(e.value)
c3 = answer()
try:
    iter(c3)
except TypeError as e:
    print(e)
c3.close()
c2 = answer()
c2.close()
print(c2.cr_frame)
