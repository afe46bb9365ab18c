import sys

events = []
BASE = None

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name == 'tracer':
        return None
    line = frame.f_lineno - frame.f_code.co_firstlineno
    a = arg
    if event == 'exception':
        a = arg[0].__name__
    elif event == 'return':
        a = repr(arg) if isinstance(arg, (int, str, list, tuple, type(None))) else type(arg).__name__
    else:
        a = None
    events.append((event, name, line, a))
    return tracer

def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def loop(n):
    total = 0
    for i in range(n):
        total += i
    while n > 0:
        n -= 1
    return total

def gen(n):
    for i in range(n):
        yield i * 2
    return 'done'

def use_gen():
    out = []
    for x in gen(3):
        out.append(x)
    g = gen(2)
    next(g)
    return out

def raiser():
    raise ValueError('boom')

def catcher():
    try:
        raiser()
    except ValueError as e:
        x = 1
    finally:
        y = 2
    return x + y

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

def with_block():
    with CM() as c:
        z = 3
    return z

def class_body():
    class K:
        a = 1
        def m(self):
            return self.a
    return K().m()

def lam():
    f = lambda x: x + 1
    return f(1)

def comp():
    return [i * i for i in range(3)], {i: i for i in range(2)}, sum(x for x in range(3))

def uncaught():
    def inner():
        return 1 / 0
    inner()

sys.settrace(tracer)
fact(3)
loop(3)
use_gen()
catcher()
with_block()
class_body()
lam()
comp()
try:
    uncaught()
except ZeroDivisionError:
    pass
sys.settrace(None)
for e in events:
    print(e)
print(sys.gettrace())
