# A trace function's exception propagates out of the traced code and stops tracing.
import sys

def tracer(frame, event, arg):
    if event == 'line':
        raise LookupError('raised by the trace function')
    return tracer

def work():
    value = 1
    return value

sys.settrace(tracer)
print('before')
work()
print('never printed')
