# A 'return' event whose trace function raises ends the frame without looking for a handler in it.
import sys

log = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == 'exception':
        arg = arg[0].__name__
    log.append((event, name, frame.f_lineno - frame.f_code.co_firstlineno, arg if isinstance(arg, (int, str, type(None))) else '?'))
    if event == 'return' and name in ('gen', 'inner'):
        raise ValueError('return hook of ' + name)
    return tracer

def gen():
    try:
        yield 1
    except ValueError:
        yield 'swallowed'

def inner():
    try:
        return 5
    finally:
        pass

def outer():
    try:
        inner()
    except ValueError as e:
        log.append(('caught', str(e)))
    sys.settrace(tracer)
    try:
        for x in gen():
            log.append(('got', x))
    except ValueError as e:
        log.append(('caught', str(e)))
    sys.settrace(tracer)
    g = gen()
    try:
        next(g)
    except ValueError as e:
        log.append(('caught', str(e)))
    return 'done'

sys.settrace(tracer)
outer()
sys.settrace(None)
for e in log:
    print(e)
