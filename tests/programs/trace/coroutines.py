import sys

log = []
def tracer(frame, event, arg):
    if event == 'exception':
        arg = arg[0].__name__
    elif event == 'return':
        arg = arg if isinstance(arg, (int, str, type(None))) else type(arg).__name__
    log.append((event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, arg))
    return tracer

class Tick:
    def __await__(self):
        got = yield 'tick'
        return got

async def leaf(n):
    x = await Tick()
    return n * 2 + (x or 0)

async def main():
    a = await leaf(1)
    b = await leaf(2)
    return a + b

def run(coro):
    value = None
    while True:
        try:
            coro.send(value)
        except StopIteration as e:
            return e.value
        value = 1

sys.settrace(tracer)
print(run(main()))
sys.settrace(None)
for e in log:
    print(e)
