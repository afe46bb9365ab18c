import sys

events = []

def rel(frame):
    return frame.f_lineno - frame.f_code.co_firstlineno

def tracer(frame, event, arg):
    if event == 'exception':
        arg = arg[0].__name__
    elif event == 'return' and arg is not None and not isinstance(arg, (int, str)):
        arg = type(arg).__name__
    events.append((event, frame.f_code.co_name, rel(frame), arg))
    return tracer

def g():
    try:
        x = yield 1
        y = yield x + 1
    except KeyError:
        yield 'caught'
    finally:
        z = 0

def sub():
    r = yield from g()
    return r

def driver():
    it = g()
    next(it)
    it.send(10)
    it.throw(KeyError)
    it.close()
    s = sub()
    next(s)
    s.send(4)
    try:
        s.send(5)
    except StopIteration:
        pass

def only_calls(frame, event, arg):
    events.append(('global', event, frame.f_code.co_name))
    return None

def f2():
    a = 1
    b = 2
    return a + b

def opcodes(frame, event, arg):
    if event == 'call':
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
    events.append((event, frame.f_code.co_name, rel(frame)))
    return opcodes

def f3(n):
    return n + 1

def bad(frame, event, arg):
    if event == 'line' and rel(frame) == 2:
        raise RuntimeError('from tracer')
    return bad

def f4():
    a = 1
    b = 2
    return 3

def f5():
    try:
        f4()
    except RuntimeError as e:
        return 'handled ' + str(e)

sys.settrace(tracer)
driver()
sys.settrace(only_calls)
f2()
sys.settrace(opcodes)
f3(1)
sys.settrace(bad)
print(f5())
print(sys.gettrace())
sys.settrace(None)
for e in events:
    print(e)

def setter(frame, event, arg):
    if event == 'line':
        try:
            frame.f_lineno = frame.f_lineno
        except (ValueError, NotImplementedError) as e:
            events.append(type(e).__name__)
    return setter
try:
    sys._getframe().f_lineno = 3
except ValueError as e:
    print(e)
f = sys._getframe()
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
try:
    f.f_trace_lines = 1
except TypeError as e:
    print(e)
f.f_trace = setter
print(f.f_trace is setter)
f.f_trace = None
print(f.f_trace)
